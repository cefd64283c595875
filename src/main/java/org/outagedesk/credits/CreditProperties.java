package org.outagedesk.credits;

import java.math.BigDecimal;
import org.outagedesk.base.Money;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code outagedesk.credits.*}: the per-credit limit of each role ({@code limit.agent}, {@code limit.incident-manager}),
 * the cap of all credits of one subscriber in one incident ({@code cap-per-subscriber}) and the batch size of
 * campaigns. Amounts are in US dollars, written as text ("25.00") so they never pass through a double.
 */
@ConfigurationProperties("outagedesk.credits")
public record CreditProperties(Limit limit, BigDecimal capPerSubscriber, Integer batchSize) {

    public record Limit(BigDecimal agent, BigDecimal incidentManager) {
        public Limit {
            agent = agent == null ? new BigDecimal("25.00") : agent;
            incidentManager = incidentManager == null ? new BigDecimal("150.00") : incidentManager;
        }
    }

    public CreditProperties {
        limit = limit == null ? new Limit(null, null) : limit;
        capPerSubscriber = capPerSubscriber == null ? new BigDecimal("150.00") : capPerSubscriber;
        batchSize = batchSize == null ? 5000 : batchSize;
    }

    public Money agentLimit() {
        return Money.usd(limit.agent());
    }

    public Money incidentManagerLimit() {
        return Money.usd(limit.incidentManager());
    }

    public Money cap() {
        return Money.usd(capPerSubscriber);
    }
}
