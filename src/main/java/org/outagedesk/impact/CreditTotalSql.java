package org.outagedesk.impact;

/**
 * A subscriber's credit total in an incident, as SQL that the impact export and the notices' batches embed per row
 * (one index probe each, inside the statement that streams the impacts). The credits feature implements it: it owns
 * the credit table and the rule of which statuses count. The contract lives here because credits depends on impact
 * (its tiers select impacts by status and category), so impact may not depend on credits.
 */
public interface CreditTotalSql {

    /**
     * A scalar subquery, in parentheses: the net credit (zero when none) of the subscriber and incident that the two
     * column expressions of the enclosing query name, for example {@code i.subscriber_id} and {@code i.incident_id}.
     */
    String netOf(String subscriberIdColumn, String incidentIdColumn);
}
