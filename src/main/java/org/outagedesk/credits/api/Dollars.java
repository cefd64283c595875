package org.outagedesk.credits.api;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.Money;

/** Credits are in US dollars: the amount of a request's money, or a refusal naming the field when in another currency. */
final class Dollars {

    private Dollars() {
    }

    static @Nullable BigDecimal of(@Nullable Money money, String field) {
        if (money == null) {
            return null;
        }
        if (!Money.USD.equals(money.currency())) {
            throw new DomainException(field + ".currency", "Credits are in USD, not " + money.currency());
        }
        return money.amount();
    }
}
