package org.govchat.conversation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Paging back through a conversation by {@code seq}: a page is read newest first with one row more than
 * asked for, which tells whether older messages remain, and handed out oldest first.
 *
 * @param oldestFirst the page, in conversation order
 * @param hasMore whether messages older than the page exist
 */
record OlderMessages<T>(List<T> oldestFirst, boolean hasMore) {

    /** The exclusive upper bound of a page's {@code seq}: everything when no cursor is given. */
    static int before(Integer beforeSeq) {
        return beforeSeq == null ? Integer.MAX_VALUE : beforeSeq;
    }

    /** @param newestFirst up to {@code size + 1} rows, newest first */
    static <T> OlderMessages<T> of(List<T> newestFirst, int size) {
        var rows = new ArrayList<>(newestFirst);
        var hasMore = rows.size() > size;
        if (hasMore) {
            rows.removeLast();
        }
        Collections.reverse(rows);
        return new OlderMessages<>(List.copyOf(rows), hasMore);
    }
}
