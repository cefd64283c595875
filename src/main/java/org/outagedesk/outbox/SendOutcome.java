package org.outagedesk.outbox;

/** A message's result from its channel's sender, waiting to be written ({@link ResultRecorder}). */
record SendOutcome(OutboxMessage message, SendResult result) {
}
