package org.outagedesk;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * For tests that start a second application in the test JVM (a restart, the prod profile, PostgreSQL): starting
 * it installs a new global {@link SecurityContextHolder} strategy (Vaadin's security configuration sets one), while
 * the shared test application's method security keeps reading its own. Tests that run after it and sign in from
 * test code ({@code SystemActor}, {@code @WithUserDetails}) then looked signed out: a dependence on test order,
 * seen with {@code -Dsurefire.runOrder=random}. This puts the strategy back after the class.
 */
public final class KeepsSecurityContextStrategy implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KeepsSecurityContextStrategy.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put("strategy", SecurityContextHolder.getContextHolderStrategy());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        SecurityContextHolderStrategy strategy = context.getStore(NAMESPACE).get("strategy",
                SecurityContextHolderStrategy.class);
        if (strategy != null) {
            SecurityContextHolder.setContextHolderStrategy(strategy);
        }
    }
}
