package org.outagedesk.impact;

import org.outagedesk.base.Money;

/**
 * A line of the affected-subscribers export: the list's row and the subscriber's net credits in the incident
 * (issued, pending approval and reversed credits plus their reversals, as the credits feature counts them).
 */
public record ExportedImpact(ImpactRow row, Money creditsNet) {
}
