package org.outagedesk.credits;

import org.outagedesk.impact.CreditTotalSql;
import org.springframework.stereotype.Component;

/** The subscriber's net credit that the impact export and notices show, counted as the cap counts it. */
@Component
class CreditTotals implements CreditTotalSql {

    @Override
    public String netOf(String subscriberIdColumn, String incidentIdColumn) {
        return "(select coalesce(sum(c.amount), 0) from credit c where c.subscriber_id = " + subscriberIdColumn
                + " and c.incident_id = " + incidentIdColumn + " and c.status in " + CreditStatus.COUNTED_SQL + ")";
    }
}
