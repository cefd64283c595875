package org.outagedesk.impact;

import java.util.Map;

/** How many impacts there are per status and per data category (an impact counts once per category it has). */
public record ImpactCounts(Map<DataLossStatus, Long> byStatus, Map<DataCategory, Long> byCategory, long total) {
}
