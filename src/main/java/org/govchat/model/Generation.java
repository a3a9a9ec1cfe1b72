package org.govchat.model;

/** A running generation. */
public interface Generation {

    /** Stops it; the listener then gets {@link GenerationListener#onCancelled()} (unless it already ended). */
    void cancel();

    /** Whether the listener has received its final call. */
    boolean isDone();
}
