package org.govchat.identity;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The departments a caller may see: every one (platform admins) or a fixed set, possibly empty.
 *
 * <p>Queries take the scope as two parameters so that rows of other departments are never read at all:
 *
 * <pre>
 * where c.id = ? and (?::boolean or c.department_id = any(?::text[]))
 *     .params(id, scope.everyDepartment(), scope.departmentIdArray())
 * </pre>
 */
public record DepartmentScope(boolean everyDepartment, Set<String> departmentIds) {

    private static final DepartmentScope EVERY = new DepartmentScope(true, Set.of());
    private static final DepartmentScope NONE = new DepartmentScope(false, Set.of());

    public DepartmentScope {
        departmentIds = everyDepartment ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(departmentIds));
    }

    public static DepartmentScope every() {
        return EVERY;
    }

    public static DepartmentScope none() {
        return NONE;
    }

    public static DepartmentScope of(Collection<String> departmentIds) {
        return departmentIds.isEmpty() ? NONE : new DepartmentScope(false, Set.copyOf(departmentIds));
    }

    public boolean includes(String departmentId) {
        return everyDepartment || departmentIds.contains(departmentId);
    }

    public boolean isEmpty() {
        return !everyDepartment && departmentIds.isEmpty();
    }

    /** The ids as an array for a {@code = any(?)} query parameter (empty for every department). */
    public String[] departmentIdArray() {
        return departmentIds.toArray(String[]::new);
    }
}
