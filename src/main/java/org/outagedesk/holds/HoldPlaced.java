package org.outagedesk.holds;

/** A stop-sale was placed (published in the placing transaction; listeners that send mail wait for its commit). */
public record HoldPlaced(HoldSummary hold) {
}
