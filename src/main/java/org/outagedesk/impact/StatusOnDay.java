package org.outagedesk.impact;

import java.time.LocalDate;
import java.util.Map;

/** How many of an incident's subscribers were in each status at the end of a day (in the zone asked for). */
public record StatusOnDay(LocalDate day, Map<DataLossStatus, Long> byStatus) {
}
