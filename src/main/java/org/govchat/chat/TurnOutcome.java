package org.govchat.chat;

import org.govchat.conversation.TurnStarted;

/** What became of a question: an answer being generated, or a message for the officer who has the conversation. */
sealed interface TurnOutcome permits LiveTurn, TurnOutcome.RelayedToOfficer {

    TurnStarted started();

    /** The conversation is with an officer: the question was stored for them, no model was asked. */
    record RelayedToOfficer(TurnStarted started) implements TurnOutcome {}
}
