package org.outagedesk.credits;

import org.jspecify.annotations.Nullable;

/** A ledger entry with the campaign and tier that issued it (both null for a credit an agent issued by hand). */
public record CreditLedgerLine(CreditRecord credit, @Nullable String campaignName, @Nullable String tierName) {
}
