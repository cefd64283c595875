package org.outagedesk.outbox;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code outagedesk.outbox.*}: how the dispatchers work. {@code batch-size} messages at most are claimed at a time
 * (fewer make sending slower on H2, where each claim is written to disk; the next claim is made while one is sent,
 * so a node killed mid-send leaves at most two claims in doubt);
 * {@code poll} is how often an idle dispatcher looks for due messages; a temporary failure is retried after
 * {@code backoff} doubled at each attempt up to {@code max-backoff}, at most {@code max-attempts} times;
 * {@code reconnect} is how often a channel that is down is tried again; a message left SENDING for
 * {@code in-doubt-after} by a node that stopped is marked FAILED (it may have gone out, so it is not resent by
 * itself); {@code node} is the older name of {@code outagedesk.node}, read by {@code base.ThisNode}, which names this
 * node in claims and leases; {@code email-rate} is e-mails per second; {@code enabled} false stops the dispatchers (a
 * node that only serves the console).
 */
@ConfigurationProperties("outagedesk.outbox")
public record OutboxProperties(@Nullable Boolean enabled, @Nullable Integer batchSize, @Nullable Duration poll,
        @Nullable Integer maxAttempts, @Nullable Duration backoff, @Nullable Duration maxBackoff,
        @Nullable Duration reconnect, @Nullable Duration inDoubtAfter, @Nullable String node,
        @Nullable Double emailRate) {

    public OutboxProperties {
        enabled = enabled == null || enabled;
        batchSize = batchSize == null ? 200 : Math.max(1, batchSize);
        poll = poll == null ? Duration.ofMillis(500) : poll;
        maxAttempts = maxAttempts == null ? 5 : Math.max(1, maxAttempts);
        backoff = backoff == null ? Duration.ofSeconds(30) : backoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(30) : maxBackoff;
        reconnect = reconnect == null ? Duration.ofSeconds(5) : reconnect;
        inDoubtAfter = inDoubtAfter == null ? Duration.ofMinutes(5) : inDoubtAfter;
        emailRate = emailRate == null ? 20.0 : emailRate;
    }

    /** The wait before attempt {@code attempts + 1}: backoff, doubled for each attempt made, capped. */
    public Duration backoffAfter(int attempts) {
        Duration d = backoff;
        for (int k = 1; k < attempts && d.compareTo(maxBackoff) < 0; k++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
