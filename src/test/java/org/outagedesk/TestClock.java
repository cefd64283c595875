package org.outagedesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in integration tests: the system clock, which a test may move (quiet hours, backoff)
 * instead of sleeping. A test that moves it puts it back ({@link #reset()}) in a finally block.
 */
public final class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;
    private volatile Instant fixed;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        // the database keeps microseconds: so does this clock, so that a time read back equals the one written
        return (f != null ? f : Instant.now().plus(offset)).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** Time stands still at {@code at} until moved or reset. */
    public void setFixed(Instant at) {
        this.fixed = at;
    }

    public void advance(Duration d) {
        Instant f = fixed;
        if (f != null) {
            fixed = f.plus(d);
        } else {
            offset = offset.plus(d);
        }
    }

    public void reset() {
        fixed = null;
        offset = Duration.ZERO;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
