package org.outagedesk.security;

import java.util.Locale;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The prod profile starts with no demo users. Its first incident manager comes from the environment
 * ({@code OUTAGEDESK_SECURITY_ADMIN_USERNAME}, {@code OUTAGEDESK_SECURITY_ADMIN_PASSWORD}); a missing, short or
 * well-known password stops the start-up.
 */
@Component
@Profile("prod")
class ProductionBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProductionBootstrap.class);

    private final AppUserRepository users;
    private final UserService userService;
    private final SecurityProperties properties;

    ProductionBootstrap(AppUserRepository users, UserService userService, SecurityProperties properties) {
        this.users = users;
        this.userService = userService;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        String password = properties.adminPassword();
        if (!password.isEmpty()) {
            refuseWeak(password);
        }
        if (users.countByRoleAndEnabledTrue(AppRoles.INCIDENT_MANAGER) > 0) {
            return;
        }
        String username = properties.adminUsername().strip();
        if (username.isEmpty() || password.isEmpty()) {
            throw new IllegalStateException("Outage Desk (prod) has no incident manager yet: set "
                    + "OUTAGEDESK_SECURITY_ADMIN_USERNAME and OUTAGEDESK_SECURITY_ADMIN_PASSWORD for the first one");
        }
        SystemActor.run(() -> userService.create(
                new NewUser(username, username, AppRoles.INCIDENT_MANAGER, null, password)));
        log.info("Created the first incident manager '{}' from the environment", username);
    }

    private void refuseWeak(String password) {
        if (properties.forbiddenPasswords().contains(password.toLowerCase(Locale.ROOT))
                || (properties.rejectCommonPasswords() && CommonPasswords.contains(password))) {
            throw new IllegalStateException("Refusing to start: OUTAGEDESK_SECURITY_ADMIN_PASSWORD is a default "
                    + "password. Choose one of at least " + properties.minPasswordLength() + " characters.");
        }
        if (password.length() < properties.minPasswordLength()) {
            throw new IllegalStateException("Refusing to start: OUTAGEDESK_SECURITY_ADMIN_PASSWORD must have at least "
                    + properties.minPasswordLength() + " characters");
        }
    }
}
