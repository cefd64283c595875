package org.outagedesk.security;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code outagedesk.security.*}: password rules, sign-in throttling, and the first incident manager of a production
 * installation (taken from {@code OUTAGEDESK_SECURITY_ADMIN_USERNAME} / {@code OUTAGEDESK_SECURITY_ADMIN_PASSWORD}).
 * {@code rejectCommonPasswords}: refuse a password on the shipped list of common passwords (on in {@code prod}).
 */
@ConfigurationProperties("outagedesk.security")
public record SecurityProperties(Integer minPasswordLength, String adminUsername, String adminPassword,
        List<String> forbiddenPasswords, @Nullable Boolean rejectCommonPasswords, @Nullable Throttle throttle) {

    public SecurityProperties {
        minPasswordLength = minPasswordLength == null ? 12 : minPasswordLength;
        adminUsername = adminUsername == null ? "" : adminUsername;
        adminPassword = adminPassword == null ? "" : adminPassword;
        forbiddenPasswords = forbiddenPasswords == null
                ? List.of("demo", "admin", "password", "changeme", "secret", "123456", "outagedesk")
                : List.copyOf(forbiddenPasswords);
        rejectCommonPasswords = rejectCommonPasswords != null && rejectCommonPasswords;
        throttle = throttle == null ? new Throttle(null, null, null, null, null, null) : throttle;
    }

    /**
     * {@code outagedesk.security.throttle.*}: after {@code freeFailures} failed sign-ins of a username (default 5), or
     * {@code addressFreeFailures} from one client address (default 20: an office behind one address has many
     * users), the next attempt waits {@code firstDelay} (1 s), doubling with each further failure, up to
     * {@code userMaxDelay} (1 min) for a username and {@code addressMaxDelay} (15 min) for an address; counts are
     * forgotten {@code forgetAfter} (15 min) after the last failure.
     */
    public record Throttle(@Nullable Integer freeFailures, @Nullable Integer addressFreeFailures,
            @Nullable Duration firstDelay, @Nullable Duration userMaxDelay, @Nullable Duration addressMaxDelay,
            @Nullable Duration forgetAfter) {

        public Throttle {
            freeFailures = freeFailures == null ? 5 : Math.max(1, freeFailures);
            addressFreeFailures = addressFreeFailures == null ? 20 : Math.max(1, addressFreeFailures);
            firstDelay = firstDelay == null ? Duration.ofSeconds(1) : firstDelay;
            userMaxDelay = userMaxDelay == null ? Duration.ofMinutes(1) : userMaxDelay;
            addressMaxDelay = addressMaxDelay == null ? Duration.ofMinutes(15) : addressMaxDelay;
            forgetAfter = forgetAfter == null ? Duration.ofMinutes(15) : forgetAfter;
        }
    }
}
