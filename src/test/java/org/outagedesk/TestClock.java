package org.outagedesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: the system's time, until a test fixes it ({@link #fixAt}) and moves it on
 * ({@link #advance}); {@link #reset} gives the system's time back (do it in a finally block or @AfterEach: the
 * context is shared). Every bean that asks the {@code Clock} bean for the time follows it.
 */
public final class TestClock extends Clock {

    private volatile @Nullable Instant fixed;

    public void fixAt(Instant instant) {
        fixed = instant;
    }

    public void advance(Duration duration) {
        Instant now = fixed;
        if (now == null) {
            throw new IllegalStateException("Fix the clock first");
        }
        fixed = now.plus(duration);
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.system(zone);
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return now != null ? now : Instant.now();
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
