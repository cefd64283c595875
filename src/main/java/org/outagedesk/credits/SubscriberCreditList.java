package org.outagedesk.credits;

import java.util.List;
import org.outagedesk.base.Money;

/**
 * A subscriber's credits and reversals (newest first) and, for each incident they are in, the net total (pending
 * credits included), the cap and the room left under it: what the API answers for a subscriber's credits.
 */
public record SubscriberCreditList(String msisdn, List<CreditRecord> credits, List<Room> incidents) {

    /** The standing of one incident: {@code roomLeft} is what a new credit may add (never negative). */
    public record Room(long incidentId, Money total, Money cap, Money roomLeft) {
    }
}
