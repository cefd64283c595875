package org.outagedesk.holds;

/** A region's share of a hold: the stores it reaches there, and how many of them acknowledged it. */
record RegionAcknowledgements(String region, long stores, long acknowledged) {
}
