package org.govchat.chat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How turns are run and streamed.
 *
 * @param maxQuestionLength longest question accepted, in characters
 * @param flushInterval how often text generated so far is written to the answer's row
 * @param streamTimeout longest an SSE response stays open
 * @param keepAliveInterval a comment line is sent after this much silence, so proxies keep the stream
 * @param remotePollInterval how often an answer generated on another replica is re-read while followed
 * @param answerWait longest a JSON (non-streaming) request waits for its answer
 * @param deltaInterval shortest time between two announcements of an answer's text to its streams, so between
 *     two {@code delta} events of one stream after its first text; tokens that arrive meanwhile go out
 *     together ({@code 0}: every token as it comes)
 */
@ConfigurationProperties("govchat.chat")
record ChatProperties(
        @DefaultValue("4000") int maxQuestionLength,
        @DefaultValue("500ms") Duration flushInterval,
        @DefaultValue("10m") Duration streamTimeout,
        @DefaultValue("15s") Duration keepAliveInterval,
        @DefaultValue("300ms") Duration remotePollInterval,
        @DefaultValue("5m") Duration answerWait,
        @DefaultValue("50ms") Duration deltaInterval) {}
