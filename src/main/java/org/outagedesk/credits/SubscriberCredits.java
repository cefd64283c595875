package org.outagedesk.credits;

import java.util.List;
import org.outagedesk.base.Money;

/**
 * A subscriber's credits in one incident with what the agent must see before issuing another: the data-loss status,
 * the net total (reversals included), the cap and the room left under it.
 */
public record SubscriberCredits(String msisdn, String name, long incidentId, String status, boolean dataPlan,
        Money net, Money cap, Money room, List<CreditRecord> credits) {
}
