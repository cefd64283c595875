package org.outagedesk.outbox;

/** What became of one message handed to a channel. */
sealed interface SendResult {

    /** Accepted by the SMSC (SENT, a receipt follows) or by the relay. */
    record Accepted(String providerId) implements SendResult {
    }

    /** Worth trying again later (busy, throttled); {@code throttled} asks the dispatcher to slow down. */
    record Temporary(String reason, boolean throttled) implements SendResult {
    }

    /** Will never go (bad number, refused address). */
    record Permanent(String reason) implements SendResult {
    }

    /** Not sent because the channel is down: back to the queue, the attempt does not count. */
    record NotSent(String reason) implements SendResult {
    }

    /** No answer: it may have gone out. Not sent again by itself. */
    record InDoubt(String reason) implements SendResult {
    }
}
