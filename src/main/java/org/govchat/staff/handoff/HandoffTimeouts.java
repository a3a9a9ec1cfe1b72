package org.govchat.staff.handoff;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells citizens when nobody claimed their handoff in time. Every replica sweeps; each handoff is timed out
 * once, by whichever replica gets to its conversation first.
 */
@Component
class HandoffTimeouts {

    private static final Logger log = LoggerFactory.getLogger(HandoffTimeouts.class);
    private static final int BATCH = 100;

    private final Handoffs handoffs;

    HandoffTimeouts(Handoffs handoffs) {
        this.handoffs = handoffs;
    }

    @Scheduled(
            fixedDelayString = "${govchat.handoff.sweep-interval:1s}",
            initialDelayString = "${govchat.handoff.sweep-interval:1s}")
    void sweep() {
        try {
            for (var conversationId : handoffs.overdue(BATCH)) {
                if (handoffs.timeOut(conversationId)) {
                    log.info(
                            "Nobody claimed the handoff of conversation {} in time; the citizen was told",
                            conversationId);
                }
            }
        } catch (RuntimeException e) {
            log.debug("Handoff timeout sweep skipped: {}", e.getMessage());
        }
    }
}
