package org.outagedesk.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down guessing passwords (issue 16, hole 4), on the console's form and on the API's HTTP Basic alike. Failed
 * sign-ins are counted per username and per client address; after {@code free-failures} of a username (5) or
 * {@code address-free-failures} of an address (20), each further attempt must wait a delay that doubles (1 s, 2 s,
 * 4 s...) up to a cap, and is refused without its password even being checked. The cap per username is short ({@code user-max-delay}, default 1 minute) so that an attacker who
 * knows a username cannot lock its owner out for long; the cap per address is longer ({@code address-max-delay},
 * default 15 minutes). A success clears the username's count; counts are forgotten {@code forget-after} (default
 * 15 minutes) after the last failure. Every failed sign-in and every lock-out is written to the audit trail.
 * <p>
 * In memory, per node: a guesser spread over N nodes gets N times the attempts, which stays far too slow to matter.
 * The client address is the connection's; behind a proxy set {@code server.forward-headers-strategy}.
 */
@Component
public class SignInThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(SignInThrottle.class);
    /** Above this many tracked keys, forgotten ones are purged (a flood of made-up usernames cannot fill memory). */
    static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant last) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final SecurityProperties.Throttle settings;
    private final Clock clock;
    private final AuditService audit;
    private final TransactionTemplate transaction;

    SignInThrottle(SecurityProperties properties, Clock clock, AuditService audit, TransactionTemplate transaction) {
        this.settings = properties.throttle();
        this.clock = clock;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** How long this username or address must still wait before its next attempt; empty when it may try now. */
    public Optional<Duration> waitBefore(@Nullable String username, @Nullable String address) {
        Instant now = clock.instant();
        Duration user = remaining(userKey(username), settings.freeFailures(), settings.userMaxDelay(), now);
        Duration client = remaining(addressKey(address), settings.addressFreeFailures(), settings.addressMaxDelay(),
                now);
        Duration longest = user.compareTo(client) >= 0 ? user : client;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /** A wrong password (or an unknown or disabled user): counts against both, audited. */
    public void failed(@Nullable String username, @Nullable String address, String where) {
        Instant now = clock.instant();
        int userCount = count(userKey(username), now);
        int addressCount = count(addressKey(address), now);
        String who = Text.shorten(username == null ? "" : username.strip(), 30);
        audit("SIGN_IN_FAILED", who, "Failed sign-in as '" + Text.quote(who) + "' from " + Text.quote(address)
                + " (" + where + ")");
        boolean userLocked = userCount == settings.freeFailures();
        boolean addressLocked = addressCount == settings.addressFreeFailures();
        if (userLocked || addressLocked) {
            audit("SIGN_IN_LOCKED", who, "Sign-ins" + (userLocked ? " as '" + Text.quote(who) + "'" : "")
                    + (addressLocked ? " from " + Text.quote(address) : "") + " are slowed down after "
                    + (userLocked ? userCount : addressCount) + " failures (" + where + ")");
            LOG.warn("Sign-in throttled for user '{}' / address {}", Text.quote(who), Text.quote(address));
        }
        if (failures.size() > MAX_TRACKED) {
            purge(now);
        }
    }

    /** A successful sign-in clears the username's count (not the address's: one right password on a shared
     * address does not excuse the guesses made from it). */
    public void succeeded(@Nullable String username) {
        failures.remove(userKey(username));
    }

    private Duration remaining(String key, int free, Duration cap, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.count() < free || forgotten(f, now)) {
            return Duration.ZERO;
        }
        Instant until = f.last().plus(delay(f.count() - free, cap));
        return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
    }

    /** {@code first-delay} after the last free failure, doubling with each further one, never more than the cap. */
    Duration delay(int beyondFree, Duration cap) {
        int doublings = Math.min(30, Math.max(0, beyondFree));
        Duration delay = settings.firstDelay().multipliedBy(1L << doublings);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    private int count(String key, Instant now) {
        return failures.compute(key, (k, f) -> f == null || forgotten(f, now) ? new Failures(1, now)
                : new Failures(f.count() + 1, now)).count();
    }

    private boolean forgotten(Failures f, Instant now) {
        return !now.isBefore(f.last().plus(settings.forgetAfter()));
    }

    private void purge(Instant now) {
        failures.entrySet().removeIf(e -> forgotten(e.getValue(), now));
        if (failures.size() > MAX_TRACKED) {
            failures.entrySet().removeIf(e -> e.getValue().count() < settings.freeFailures());
        }
        if (failures.size() > MAX_TRACKED) {
            failures.clear();
        }
    }

    private void audit(String action, String username, String summary) {
        try {
            transaction.executeWithoutResult(status -> audit.recordAs(username.isEmpty() ? "anonymous" : username,
                    action, "SignIn", username, summary));
        } catch (RuntimeException e) {
            LOG.error("Could not audit {} for {}", action, Text.quote(username), e);
        }
    }

    private static String userKey(@Nullable String username) {
        return "u:" + (username == null ? "" : Text.shorten(username.strip().toLowerCase(Locale.ROOT), 100));
    }

    private static String addressKey(@Nullable String address) {
        return "a:" + (address == null ? "" : address);
    }
}
