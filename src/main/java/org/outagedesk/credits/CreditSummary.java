package org.outagedesk.credits;

import java.util.List;
import org.outagedesk.base.Money;

/**
 * Totals of an incident's credits by reason code, status and entry type; {@code net} is what subscribers hold now
 * (issued credits minus reversals), {@code pending} what waits for approval.
 */
public record CreditSummary(long incidentId, List<Line> lines, Money issued, Money reversed, Money pending,
        Money net) {

    public record Line(String reasonCode, CreditStatus status, CreditEntryType entryType, long count, Money total) {
    }
}
