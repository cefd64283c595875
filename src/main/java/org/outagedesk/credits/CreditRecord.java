package org.outagedesk.credits;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.Money;

/** A ledger entry as the API and the screens show it. */
public record CreditRecord(long id, String msisdn, String subscriberName, long incidentId, String reasonCode,
        Money amount, CreditStatus status, CreditEntryType entryType, @Nullable String note, String requestedBy,
        Instant requestedAt, @Nullable String decidedBy, @Nullable Instant decidedAt, @Nullable String decisionReason,
        @Nullable Long reversesId, @Nullable Long campaignId) {
}
