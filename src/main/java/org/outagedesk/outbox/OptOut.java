package org.outagedesk.outbox;

import java.time.Instant;

/** A number that must not be texted: it replied STOP ({@code source} SMS_STOP) or someone recorded it (API). */
public record OptOut(String msisdn, Instant optedOutAt, String source, String recordedBy) {
}
