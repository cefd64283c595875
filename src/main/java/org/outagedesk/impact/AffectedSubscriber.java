package org.outagedesk.impact;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.Money;

/**
 * An affected subscriber as a notice needs them: how to reach them (number, e-mail), where they are (home store
 * and region, for quiet hours) and what to tell them (status, categories, net credits in the incident).
 */
public record AffectedSubscriber(long subscriberId, String msisdn, String name, @Nullable String email,
        String storeCode, String region, DataLossStatus status, Set<DataCategory> categories, Money credits) {
}
