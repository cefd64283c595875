package org.outagedesk.base;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;
import org.springframework.security.access.expression.SecurityExpressionRoot;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting right now, read from Spring Security's context (works for the console, the API and jobs). */
public final class CurrentActor {

    private static final SpelExpressionParser PARSER = new SpelExpressionParser();
    /** Parsed rules; only the services' constants are ever passed, so the map stays as small as they are few. */
    private static final Map<String, Expression> RULES = new ConcurrentHashMap<>();

    private CurrentActor() {
    }

    /** The username of the caller, or "anonymous" when nobody is signed in. */
    public static String username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "anonymous" : auth.getName();
    }

    public static Optional<UserIdentity> identity() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof UserIdentity id ? Optional.of(id) : Optional.empty();
    }

    public static boolean hasRole(String role) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }

    /**
     * Whether the caller satisfies a rule written as for {@code @PreAuthorize} ({@code hasRole},
     * {@code hasAnyRole}...). Screens ask with the service's own constant (for example
     * {@code CurrentActor.allows(ImpactService.CHANGE)}), so a screen offers exactly what the service will allow,
     * and the rule is written once (issue 18). Only a service's constant may be passed, never input.
     */
    public static boolean allows(String rule) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return false;
        }
        SecurityExpressionRoot<Object> root = new SecurityExpressionRoot<>(auth) {
        };
        SimpleEvaluationContext context = SimpleEvaluationContext.forReadOnlyDataBinding().withInstanceMethods()
                .withRootObject(root).build();
        return Boolean.TRUE.equals(RULES.computeIfAbsent(rule, PARSER::parseExpression).getValue(context,
                Boolean.class));
    }
}
