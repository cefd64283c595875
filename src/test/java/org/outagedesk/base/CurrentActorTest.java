package org.outagedesk.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** A screen asks {@link CurrentActor#allows} with a service's rule: it must answer as method security would. */
class CurrentActorTest {

    private static final String AGENTS_AND_MANAGERS = "hasAnyRole('" + AppRoles.AGENT + "','"
            + AppRoles.INCIDENT_MANAGER + "')";

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(String... roles) {
        TestingAuthenticationToken auth = new TestingAuthenticationToken("someone", "secret",
                List.of(roles).stream().map(r -> "ROLE_" + r).toArray(String[]::new));
        auth.setAuthenticated(true);
        SecurityContextHolder.getContext().setAuthentication(auth);
    }

    @Test
    void the_incident_managers_rule_allows_them_and_nobody_else() {
        signIn(AppRoles.INCIDENT_MANAGER);
        assertThat(CurrentActor.allows(IncidentManagersOnly.RULE)).isTrue();
        for (String other : List.of(AppRoles.AGENT, AppRoles.EXECUTIVE, AppRoles.STORE_MANAGER, AppRoles.POS)) {
            signIn(other);
            assertThat(CurrentActor.allows(IncidentManagersOnly.RULE)).as(other).isFalse();
        }
    }

    @Test
    void any_of_several_roles() {
        signIn(AppRoles.AGENT);
        assertThat(CurrentActor.allows(AGENTS_AND_MANAGERS)).isTrue();
        signIn(AppRoles.EXECUTIVE);
        assertThat(CurrentActor.allows(AGENTS_AND_MANAGERS)).isFalse();
        signIn(AppRoles.EXECUTIVE, AppRoles.AGENT);
        assertThat(CurrentActor.allows(AGENTS_AND_MANAGERS)).isTrue();
    }

    @Test
    void nobody_signed_in_is_allowed_nothing() {
        assertThat(CurrentActor.allows(AGENTS_AND_MANAGERS)).isFalse();
        TestingAuthenticationToken notYet = new TestingAuthenticationToken("someone", "secret",
                "ROLE_" + AppRoles.AGENT);
        notYet.setAuthenticated(false);
        SecurityContextHolder.getContext().setAuthentication(notYet);
        assertThat(CurrentActor.allows(AGENTS_AND_MANAGERS)).isFalse();
    }
}
