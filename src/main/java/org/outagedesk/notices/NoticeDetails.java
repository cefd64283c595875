package org.outagedesk.notices;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A notice with its progress. {@code counts} has every message status (QUEUED, SENDING, SENT, DELIVERED, FAILED,
 * EXPIRED, SKIPPED) with its number; {@code rate} is messages per second over the last minute;
 * {@code smscDownSince} / {@code relayDownSince} say since when the SMSC or the mail relay is unreachable;
 * {@code inDoubt} is how many of the failed ones may have reached their recipient (a node stopped while sending
 * them): "resend failed" leaves them unless asked. {@code figuresAsOf} is when the counts and {@code inDoubt} were
 * read; where reading them takes long (a notice of hundreds of thousands of messages) they are kept and read again
 * every few seconds, and {@code figuresKept} says that they are more than a second old. {@code resending}: after
 * "resend the failed ones", failed messages are still being queued again (in the background, a batch at a time).
 */
public record NoticeDetails(long id, long incidentId, String name, NoticeStatus status, String statusLabel,
        NoticeChannels channels, boolean urgent, String audience, @Nullable String sms,
        @Nullable String emailSubject, @Nullable String emailBody, String createdBy, Instant createdAt,
        @Nullable Instant submittedAt, @Nullable String decidedBy, @Nullable Instant decidedAt,
        @Nullable String rejectReason, boolean allQueued, @Nullable Instant finishedAt, Map<String, Long> counts,
        Map<String, Map<String, Long>> byChannel, long total, double rate, @Nullable Instant smscDownSince,
        @Nullable Instant relayDownSince, long inDoubt, Instant figuresAsOf, boolean figuresKept,
        boolean resending) {
}
