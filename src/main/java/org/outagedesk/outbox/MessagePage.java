package org.outagedesk.outbox;

import java.util.List;

/** A page of the message list and how many messages match its filters in all. */
public record MessagePage(List<OutboxMessage> messages, long total) {
}
