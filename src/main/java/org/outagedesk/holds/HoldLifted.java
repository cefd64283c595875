package org.outagedesk.holds;

/** A stop-sale was lifted: its SKUs may be sold again (published in the lifting transaction). */
public record HoldLifted(HoldSummary hold) {
}
