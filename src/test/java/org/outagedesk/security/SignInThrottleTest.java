package org.outagedesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outagedesk.audit.AuditService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Issue 16, hole 4: failed sign-ins slow down a username and an address, with a clock the test moves. */
class SignInThrottleTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2009-10-10T12:00:00Z");

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
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    MovableClock clock;
    AuditService audit;
    SignInThrottle throttle;

    @BeforeEach
    void throttle() {
        clock = new MovableClock();
        audit = mock(AuditService.class);
        SecurityProperties properties = new SecurityProperties(12, "", "", null, false,
                new SecurityProperties.Throttle(5, 20, Duration.ofSeconds(1), Duration.ofMinutes(1),
                        Duration.ofMinutes(15), Duration.ofMinutes(15)));
        throttle = new SignInThrottle(properties, clock, audit,
                new TransactionTemplate(mock(PlatformTransactionManager.class)));
    }

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address, "test");
        }
    }

    @Test
    void five_failures_are_free_then_each_further_attempt_waits_longer() {
        fail("agent", "10.0.0.1", 4);
        assertThat(throttle.waitBefore("agent", "10.0.0.1")).isEmpty();
        fail("agent", "10.0.0.1", 1);
        assertThat(throttle.waitBefore("agent", "10.0.0.1")).contains(Duration.ofSeconds(1));
        // the same username from another address waits too: a guesser cannot spread over addresses
        assertThat(throttle.waitBefore("AGENT", "10.9.9.9")).contains(Duration.ofSeconds(1));
        fail("agent", "10.0.0.1", 3);
        assertThat(throttle.waitBefore("agent", "10.0.0.1")).contains(Duration.ofSeconds(8));
        clock.advance(Duration.ofSeconds(8));
        assertThat(throttle.waitBefore("agent", "10.0.0.1")).isEmpty();
    }

    @Test
    void a_username_is_never_locked_for_more_than_a_minute_whatever_an_attacker_does() {
        fail("manager", "10.0.0.2", 50);
        assertThat(throttle.waitBefore("manager", "10.7.7.7")).hasValueSatisfying(
                d -> assertThat(d).isLessThanOrEqualTo(Duration.ofMinutes(1)));
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.waitBefore("manager", "10.7.7.7")).isEmpty();
        // the attacker's own address stays slowed down for longer
        assertThat(throttle.waitBefore("someone-else", "10.0.0.2")).hasValueSatisfying(
                d -> assertThat(d).isGreaterThan(Duration.ofMinutes(10)));
    }

    @Test
    void an_address_guessing_many_usernames_is_slowed_down_after_twenty_failures() {
        for (int i = 0; i < 19; i++) {
            throttle.failed("user" + i, "10.0.0.3", "test");
        }
        assertThat(throttle.waitBefore("fresh", "10.0.0.3")).isEmpty();
        throttle.failed("user19", "10.0.0.3", "test");
        assertThat(throttle.waitBefore("fresh", "10.0.0.3")).contains(Duration.ofSeconds(1));
    }

    @Test
    void a_success_clears_the_username_and_old_failures_are_forgotten() {
        fail("exec", "10.0.0.4", 5);
        throttle.succeeded("exec");
        assertThat(throttle.waitBefore("exec", "10.0.0.5")).isEmpty();
        fail("exec", "10.0.0.4", 4);
        clock.advance(Duration.ofMinutes(15));
        fail("exec", "10.0.0.4", 1);
        assertThat(throttle.waitBefore("exec", "10.0.0.5")).isEmpty();
    }

    @Test
    void every_failure_and_every_lock_out_is_audited() {
        fail("store", "10.0.0.6", 6);
        verify(audit, times(6)).recordAs(eq("store"), eq("SIGN_IN_FAILED"), eq("SignIn"), eq("store"), anyString());
        verify(audit, times(1)).recordAs(eq("store"), eq("SIGN_IN_LOCKED"), eq("SignIn"), eq("store"),
                any(String.class));
    }
}
