package org.outagedesk.security;

import java.time.Duration;
import org.springframework.security.authentication.AccountStatusException;

/**
 * A sign-in refused without checking its password because its username or client address failed too often
 * (see {@link SignInThrottle}). An {@link AccountStatusException}, so that no other provider is asked instead.
 */
public class SignInThrottledException extends AccountStatusException {

    private final Duration retryAfter;

    public SignInThrottledException(Duration retryAfter) {
        super("Too many failed sign-ins: try again in " + seconds(retryAfter) + " seconds");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up, at least 1: what a Retry-After header says. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
