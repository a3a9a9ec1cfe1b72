package org.govchat.conversation;

/** @param rating {@code up} or {@code down} */
public record FeedbackView(String rating, String comment) {}
