package org.outagedesk.base;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code outagedesk.figures.*}: when aggregates are served from memory (see {@link FigureCache}). A computation that
 * takes {@code expensive} (100 ms; {@code summary-expensive}, 500 ms, for the executive summary) or longer is kept,
 * refreshed in the background once {@code refresh-after} (5 s) old and never served older than {@code max-age}
 * (1 min). One record read by every service that keeps figures, instead of an {@code @Value} per parameter.
 */
@ConfigurationProperties("outagedesk.figures")
public record FigureSettings(@Nullable Duration expensive, @Nullable Duration summaryExpensive,
        @Nullable Duration refreshAfter, @Nullable Duration maxAge) {

    public FigureSettings {
        expensive = expensive == null ? Duration.ofMillis(100) : expensive;
        summaryExpensive = summaryExpensive == null ? Duration.ofMillis(500) : summaryExpensive;
        refreshAfter = refreshAfter == null ? Duration.ofSeconds(5) : refreshAfter;
        maxAge = maxAge == null ? Duration.ofMinutes(1) : maxAge;
    }

    /** A cache of the counts and other incident aggregates. */
    public <K> FigureCache<K> cache() {
        return new FigureCache<>(expensive, refreshAfter, maxAge);
    }

    /** A cache of the executive summary (every figure and chart at once). */
    public <K> FigureCache<K> summaryCache() {
        return new FigureCache<>(summaryExpensive, refreshAfter, maxAge);
    }
}
