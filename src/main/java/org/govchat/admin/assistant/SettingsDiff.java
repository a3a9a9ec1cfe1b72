package org.govchat.admin.assistant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.govchat.department.DepartmentSettingsDraft;

/** What differs between two versions of a department's settings, field by field. */
final class SettingsDiff {

    private SettingsDiff() {}

    /**
     * One changed field.
     *
     * @param lines for multi-line texts (the system prompt), the line-by-line difference; otherwise empty
     */
    record Change(String field, String before, String after, List<Line> lines) {}

    /** @param kind {@code same}, {@code removed} or {@code added} */
    record Line(String kind, String text) {}

    static List<Change> between(DepartmentSettingsDraft before, DepartmentSettingsDraft after) {
        var a = flatten(before);
        var b = flatten(after);
        var changes = new ArrayList<Change>();
        for (var field : a.keySet()) {
            var from = a.get(field);
            var to = b.get(field);
            if (!Objects.equals(from, to)) {
                var multiLine = (from != null && from.contains("\n")) || (to != null && to.contains("\n"));
                changes.add(new Change(field, from, to, multiLine ? lines(from, to) : List.of()));
            }
        }
        return changes;
    }

    /** The names of the fields that differ (for the audit trail, which keeps no texts). */
    static List<String> changedFields(DepartmentSettingsDraft before, DepartmentSettingsDraft after) {
        return between(before, after).stream().map(Change::field).toList();
    }

    static Map<String, String> flatten(DepartmentSettingsDraft settings) {
        var fields = new LinkedHashMap<String, String>();
        var p = settings.profile();
        fields.put("names.en", settings.names().en());
        fields.put("names.zh-Hant", settings.names().zhHant());
        fields.put("names.zh-Hans", settings.names().zhHans());
        fields.put("retentionDays", String.valueOf(settings.retentionDays()));
        fields.put("profile.greeting.en", p.greeting().en());
        fields.put("profile.greeting.zh-Hant", p.greeting().zhHant());
        fields.put("profile.greeting.zh-Hans", p.greeting().zhHans());
        fields.put("profile.systemPrompt", p.systemPrompt());
        fields.put("profile.backendId", p.backendId());
        fields.put("profile.model", p.model());
        fields.put("profile.fallbackBackends", String.join(", ", p.fallbackBackends()));
        fields.put(
                "profile.temperature",
                p.temperature() == null
                        ? null
                        : p.temperature().stripTrailingZeros().toPlainString());
        fields.put("profile.maxOutputTokens", String.valueOf(p.maxOutputTokens()));
        fields.put("profile.memoryMessages", String.valueOf(p.memoryMessages()));
        fields.put("profile.handoffEnabled", String.valueOf(p.handoffEnabled()));
        return fields;
    }

    /** Above this many line pairs the middle of a diff is shown as removed, then added (bounded memory). */
    private static final long MAX_PAIRS = 1_000_000;

    /** A line diff by longest common subsequence, after taking off the common start and end. */
    static List<Line> lines(String before, String after) {
        var a = before == null ? new String[0] : before.split("\n", -1);
        var b = after == null ? new String[0] : after.split("\n", -1);
        int start = 0;
        while (start < a.length && start < b.length && a[start].equals(b[start])) {
            start++;
        }
        int endA = a.length;
        int endB = b.length;
        while (endA > start && endB > start && a[endA - 1].equals(b[endB - 1])) {
            endA--;
            endB--;
        }
        var out = new ArrayList<Line>();
        for (int k = 0; k < start; k++) {
            out.add(new Line("same", a[k]));
        }
        int n = endA - start;
        int m = endB - start;
        if ((long) n * m > MAX_PAIRS) {
            for (int k = start; k < endA; k++) {
                out.add(new Line("removed", a[k]));
            }
            for (int k = start; k < endB; k++) {
                out.add(new Line("added", b[k]));
            }
        } else {
            var common = new int[n + 1][m + 1];
            for (int i = n - 1; i >= 0; i--) {
                for (int j = m - 1; j >= 0; j--) {
                    common[i][j] = a[start + i].equals(b[start + j])
                            ? common[i + 1][j + 1] + 1
                            : Math.max(common[i + 1][j], common[i][j + 1]);
                }
            }
            int i = 0;
            int j = 0;
            while (i < n && j < m) {
                if (a[start + i].equals(b[start + j])) {
                    out.add(new Line("same", a[start + i]));
                    i++;
                    j++;
                } else if (common[i + 1][j] >= common[i][j + 1]) {
                    out.add(new Line("removed", a[start + i++]));
                } else {
                    out.add(new Line("added", b[start + j++]));
                }
            }
            while (i < n) {
                out.add(new Line("removed", a[start + i++]));
            }
            while (j < m) {
                out.add(new Line("added", b[start + j++]));
            }
        }
        for (int k = endA; k < a.length; k++) {
            out.add(new Line("same", a[k]));
        }
        return out;
    }
}
