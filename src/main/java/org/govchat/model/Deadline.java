package org.govchat.model;

import org.govchat.model.GenerationFailure.Kind;

/** Something the {@link DeadlineWatchdog} keeps to its time limits: a running attempt, or a wait in a queue. */
interface Deadline {

    /** The time limit it has run past at {@code now} ({@link System#nanoTime()}), or {@code null}. */
    Kind overdue(long now);

    /** Called once, on a virtual thread of its own, after {@link #overdue} found a limit passed. */
    void expire(Kind kind);
}
