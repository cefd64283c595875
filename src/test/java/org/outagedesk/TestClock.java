package org.outagedesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: the system's time, until a test fixes it ({@link #fixAt}) or moves it on
 * ({@link #advance}: quiet hours, backoff, cadence) instead of sleeping; {@link #reset} gives the system's time back
 * (do it in a finally block or @AfterEach: the context is shared). Every bean that asks the {@code Clock} bean for
 * the time follows it. Microseconds, as the database keeps them: a time read back equals the one written.
 */
public final class TestClock extends Clock {

    private volatile @Nullable Instant fixed;
    private volatile Duration offset = Duration.ZERO;

    /** Time stands still at {@code instant} until moved or reset. */
    public void fixAt(Instant instant) {
        fixed = instant;
    }

    /** The same as {@link #fixAt}. */
    public void setFixed(Instant instant) {
        fixAt(instant);
    }

    /** Moves a fixed clock on; moves the system's time by an offset when the clock is not fixed. */
    public void advance(Duration duration) {
        Instant now = fixed;
        if (now != null) {
            fixed = now.plus(duration);
        } else {
            offset = offset.plus(duration);
        }
    }

    public void reset() {
        fixed = null;
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock parent = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return parent.withZone(other);
            }

            @Override
            public Instant instant() {
                return parent.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return (now != null ? now : Instant.now().plus(offset)).truncatedTo(ChronoUnit.MICROS);
    }

    /** Imported by {@link IntegrationTest}: one clock for the shared context. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
