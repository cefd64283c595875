package org.outagedesk.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code outagedesk.security.*}: password rules, and the first incident manager of a production installation
 * (taken from {@code OUTAGEDESK_SECURITY_ADMIN_USERNAME} / {@code OUTAGEDESK_SECURITY_ADMIN_PASSWORD}).
 */
@ConfigurationProperties("outagedesk.security")
public record SecurityProperties(Integer minPasswordLength, String adminUsername, String adminPassword,
        List<String> forbiddenPasswords) {

    public SecurityProperties {
        minPasswordLength = minPasswordLength == null ? 12 : minPasswordLength;
        adminUsername = adminUsername == null ? "" : adminUsername;
        adminPassword = adminPassword == null ? "" : adminPassword;
        forbiddenPasswords = forbiddenPasswords == null
                ? List.of("demo", "admin", "password", "changeme", "secret", "123456", "outagedesk")
                : List.copyOf(forbiddenPasswords);
    }
}
