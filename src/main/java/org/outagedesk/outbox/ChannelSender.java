package org.outagedesk.outbox;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Sends messages of one channel, one at a time and as a stream: the dispatcher hands a message over and goes on
 * with the next while the far end answers; each message's fate comes back through its callback, which the
 * dispatcher records at once (a provider id is in the database milliseconds after the SMSC gave it).
 */
interface ChannelSender {

    Channel channel();

    /** Makes sure the channel can send now (binds, connects); throws with a plain reason when it cannot. */
    void ensureReady() throws ChannelDownException;

    /** How many messages may be outstanding (handed over, not yet answered) at once. */
    int window();

    /**
     * Hands one message to the channel, at most at {@code pacer}'s rate, waiting while the window is full.
     * {@code done} gets the message's result exactly once, on this thread or another; a message whose result is
     * known before it leaves (no address, channel down) gets it at once.
     */
    void send(OutboxMessage message, Pacer pacer, Consumer<SendResult> done);

    /** Waits up to {@code max} until every message handed over has its result; false when some still have none. */
    boolean awaitOutstanding(Duration max);

    /** Messages per second this channel may send at most. */
    double rate();

    /** Lets go of the connection (the dispatcher stops); the next {@link #ensureReady} connects again. */
    default void disconnect() {
    }

    final class ChannelDownException extends Exception {
        ChannelDownException(String message) {
            super(message);
        }
    }
}
