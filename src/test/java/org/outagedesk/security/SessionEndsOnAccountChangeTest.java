package org.outagedesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue 16, hole 2: a session signed in before its user was disabled, demoted, bound to another store or given a new
 * password is no longer valid, as the database says (so on every node); renaming does not end it.
 */
@IntegrationTest
class SessionEndsOnAccountChangeTest {

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    AppUserRepository users;

    private Api manager() {
        return Api.as(port, "manager");
    }

    private long create(String username, String role, String store) {
        Api.Response r = manager().post("/api/users", """
                {"username":"%s","displayName":"Session test","role":"%s","storeCode":%s,"password":"long-enough-1"}
                """.formatted(username, role, store == null ? "null" : "\"" + store + "\""));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private boolean sessionStillValid(OutageDeskUser signedIn) {
        return SessionStillValidFilter.stillValid(signedIn, users.findStamp(signedIn.getUsername()));
    }

    @ParameterizedTest(name = "{0} ends the sessions signed in before")
    @ValueSource(strings = {"disable", "demote", "rebind", "password"})
    void an_account_change_ends_the_sessions_signed_in_before(String change) {
        String name = "sess-" + UUID.randomUUID().toString().substring(0, 8);
        boolean store = change.equals("rebind");
        long id = create(name, store ? "STORE_MANAGER" : "INCIDENT_MANAGER", store ? "D-NY-UWS-01" : null);
        OutageDeskUser signedIn = (OutageDeskUser) userDetails.loadUserByUsername(name);
        assertThat(sessionStillValid(signedIn)).isTrue();

        Consumer<Api> act = switch (change) {
            case "disable" -> api -> assertThat(api.post("/api/users/" + id + "/disable", null).status())
                    .isEqualTo(200);
            case "demote" -> api -> assertThat(api.put("/api/users/" + id + "/role", "{\"role\":\"AGENT\"}")
                    .status()).isEqualTo(200);
            case "rebind" -> api -> assertThat(api.put("/api/users/" + id + "/role",
                    "{\"role\":\"STORE_MANAGER\",\"storeCode\":\"C-WA-SEA-01\"}").status()).isEqualTo(200);
            default -> api -> assertThat(api.post("/api/users/" + id + "/password",
                    "{\"password\":\"another-long-one\"}").status()).isIn(200, 204);
        };
        act.accept(manager());

        assertThat(sessionStillValid(signedIn)).isFalse();
        OutageDeskUser signedInAgain = (OutageDeskUser) userDetails.loadUserByUsername(name);
        assertThat(sessionStillValid(signedInAgain)).isEqualTo(!change.equals("disable"));
    }

    @Test
    void renaming_a_user_or_giving_them_the_same_role_keeps_their_session() {
        String name = "sess-" + UUID.randomUUID().toString().substring(0, 8);
        long id = create(name, "AGENT", null);
        OutageDeskUser signedIn = (OutageDeskUser) userDetails.loadUserByUsername(name);
        assertThat(manager().put("/api/users/" + id + "/role", "{\"role\":\"AGENT\"}").status()).isEqualTo(200);
        assertThat(sessionStillValid(signedIn)).isTrue();
    }

    @Test
    void the_api_refuses_a_disabled_user_at_once_even_with_their_password_cached() {
        String name = "sess-" + UUID.randomUUID().toString().substring(0, 8);
        long id = create(name, "AGENT", null);
        Api user = Api.as(port, name, "long-enough-1");
        assertThat(user.get("/api/me").status()).isEqualTo(200);
        // another node changes the database: simulate it by changing the row without this node's eviction
        users.findById(id).ifPresent(u -> {
            u.disable();
            users.saveAndFlush(u);
        });
        assertThat(user.get("/api/me").status()).isEqualTo(401);
    }
}
