package org.outagedesk.outbox;

import java.util.List;

/** Sends messages of one channel. Implementations keep their own connection and report every message's fate. */
interface ChannelSender {

    Channel channel();

    /** Makes sure the channel can send now (binds, connects); throws with a plain reason when it cannot. */
    void ensureReady() throws ChannelDownException;

    /**
     * Sends the messages, at most {@code pacer}'s rate, and returns one result per message in the same order.
     */
    List<SendResult> send(List<OutboxMessage> batch, Pacer pacer);

    /** Messages per second this channel may send at most. */
    double rate();

    final class ChannelDownException extends Exception {
        ChannelDownException(String message) {
            super(message);
        }
    }
}
