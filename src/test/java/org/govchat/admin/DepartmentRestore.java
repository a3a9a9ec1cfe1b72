package org.govchat.admin;

import org.govchat.department.DepartmentCatalog;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts a demo department back as the seeder left it (version 1 active, its names and retention, switched
 * on, answers not supervised), so that tests of other classes sharing the database see the demo data. Test
 * clean-up only: the application never deletes a version.
 */
final class DepartmentRestore {

    private DepartmentRestore() {}

    static void restore(JdbcClient jdbc, DepartmentCatalog catalog, String departmentId) {
        jdbc.sql("update assistant_profile set active = false where department_id = ?")
                .param(departmentId)
                .update();
        jdbc.sql("delete from assistant_profile where department_id = ? and version > 1")
                .param(departmentId)
                .update();
        jdbc.sql("update assistant_profile set active = true where department_id = ? and version = 1")
                .param(departmentId)
                .update();
        jdbc.sql("""
                update department d set active = true, supervised_answers = false, name_en = p.name_en,
                    name_zh_hant = p.name_zh_hant, name_zh_hans = p.name_zh_hans, retention_days = p.retention_days
                from assistant_profile p where p.department_id = d.id and p.version = 1 and d.id = ?
                """).param(departmentId).update();
        catalog.refresh();
    }
}
