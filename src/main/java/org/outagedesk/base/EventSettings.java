package org.outagedesk.base;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code outagedesk.events.*}: when unfinished after-commit listeners run again ({@link EventRetries}, decision
 * 0020). A publication incomplete for longer than {@code retry-after} (5 min) is handed to its listener again; the
 * check runs every {@code retry-every} (1 min, at least a second) on every node.
 */
@ConfigurationProperties("outagedesk.events")
public record EventSettings(@Nullable Duration retryAfter, @Nullable Duration retryEvery) {

    public EventSettings {
        retryAfter = retryAfter == null ? Duration.ofMinutes(5) : retryAfter;
        retryEvery = retryEvery == null ? Duration.ofMinutes(1) : retryEvery;
    }
}
