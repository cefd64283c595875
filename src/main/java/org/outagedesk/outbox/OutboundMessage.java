package org.outagedesk.outbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A message to put into the outbox. {@code eventKey} + {@code recipientKey} + {@code channel} identify it: adding it
 * again does nothing, so whoever enqueues may enqueue again after a crash.
 *
 * @param kind         what sort of message, one of {@link MessageKinds#ALL}, for filters and the figures
 * @param eventKey     the thing it belongs to, e.g. "NOTICE:12"
 * @param recipientKey who, within the event: a subscriber id, a store code, an address
 * @param subscriberId the subscriber it goes to, when it does
 * @param address      the MSISDN for SMS, the e-mail address for EMAIL (null: nothing to send to, must be SKIPPED)
 * @param subject      the e-mail subject
 * @param body         the rendered text (SMS text, or the e-mail's plain text; its HTML part is made from it)
 * @param smsParts     how many SMS parts the text takes
 * @param notBefore    not sent before (quiet hours)
 * @param skipReason   non-null: stored as SKIPPED with this reason, never sent
 */
public record OutboundMessage(String kind, String eventKey, String recipientKey, Channel channel,
        @Nullable Long subscriberId, @Nullable String address, @Nullable String subject, String body,
        @Nullable Integer smsParts, Instant notBefore, @Nullable String skipReason) {

    public OutboundMessage {
        if (!MessageKinds.ALL.contains(kind)) {
            throw new IllegalArgumentException("unknown message kind " + kind + ": add it to MessageKinds");
        }
    }
}
