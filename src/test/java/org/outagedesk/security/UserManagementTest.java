package org.outagedesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Incident managers manage users through the API (the console's screen calls the same service). */
@IntegrationTest
class UserManagementTest {

    @LocalServerPort
    int port;

    private Api manager() {
        return Api.as(port, "manager");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode create(String username, String role, String store, String password) {
        Api.Response r = manager().post("/api/users", """
                {"username":"%s","displayName":"Test %s","role":"%s","storeCode":%s,"password":"%s"}
                """.formatted(username, username, role, store == null ? "null" : "\"" + store + "\"", password));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void a_created_user_can_sign_in_with_the_password_given_and_the_password_is_stored_hashed() {
        String name = unique("agent");
        JsonNode created = create(name, "AGENT", null, "correct-horse");
        assertThat(created.toString()).doesNotContain("correct-horse").doesNotContain("$2");
        assertThat(Api.as(port, name, "correct-horse").get("/api/me").status()).isEqualTo(200);
        assertThat(Api.as(port, name, "wrong-horse").get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void a_store_manager_must_be_bound_to_a_store_and_nobody_else_may_be() {
        Api.Response noStore = manager().post("/api/users", """
                {"username":"%s","displayName":"X","role":"STORE_MANAGER","password":"long-enough-1"}
                """.formatted(unique("sm")));
        assertThat(noStore.status()).isEqualTo(400);
        assertThat(noStore.json().get("fields").has("storeCode")).isTrue();

        Api.Response agentWithStore = manager().post("/api/users", """
                {"username":"%s","displayName":"X","role":"AGENT","storeCode":"D-NY-UWS-01","password":"long-enough-1"}
                """.formatted(unique("ag")));
        assertThat(agentWithStore.status()).isEqualTo(400);

        Api.Response unknownStore = manager().post("/api/users", """
                {"username":"%s","displayName":"X","role":"STORE_MANAGER","storeCode":"NOPE","password":"long-enough-1"}
                """.formatted(unique("sm")));
        assertThat(unknownStore.status()).isEqualTo(400);
        assertThat(unknownStore.json().get("detail").asString()).contains("NOPE");

        String name = unique("sm");
        create(name, "STORE_MANAGER", "C-WA-SEA-01", "long-enough-1");
        assertThat(Api.as(port, name, "long-enough-1").get("/api/me").json().get("store").asString())
                .isEqualTo("C-WA-SEA-01");
    }

    @Test
    void a_taken_username_or_a_bad_role_is_refused_with_the_field_named() {
        Api.Response taken = manager().post("/api/users", """
                {"username":"agent","displayName":"Again","role":"AGENT","password":"long-enough-1"}""");
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.json().get("fields").has("username")).isTrue();

        Api.Response badRole = manager().post("/api/users", """
                {"username":"%s","displayName":"X","role":"WIZARD","password":"long-enough-1"}""".formatted(unique("w")));
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().get("fields").has("role")).isTrue();
    }

    @Test
    void a_disabled_user_can_no_longer_sign_in_and_can_be_enabled_again() {
        String name = unique("agent");
        long id = create(name, "AGENT", null, "long-enough-1").get("id").asLong();
        // signed in once: the API now remembers the checked password for a while, which must not outlive the change
        assertThat(Api.as(port, name, "long-enough-1").get("/api/me").status()).isEqualTo(200);
        assertThat(manager().post("/api/users/" + id + "/disable", null).json().get("enabled").asBoolean()).isFalse();
        assertThat(Api.as(port, name, "long-enough-1").get("/api/me").status()).isEqualTo(401);
        manager().post("/api/users/" + id + "/enable", null);
        assertThat(Api.as(port, name, "long-enough-1").get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void a_password_reset_replaces_the_old_password() {
        String name = unique("exec");
        long id = create(name, "EXECUTIVE", null, "first-password").get("id").asLong();
        assertThat(Api.as(port, name, "first-password").get("/api/me").status()).isEqualTo(200);
        assertThat(manager().post("/api/users/" + id + "/password", "{\"password\":\"second-password\"}").status())
                .isEqualTo(204);
        assertThat(Api.as(port, name, "first-password").get("/api/me").status()).isEqualTo(401);
        assertThat(Api.as(port, name, "second-password").get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void the_last_active_incident_manager_can_be_neither_disabled_nor_demoted() {
        // a fresh incident manager, then every other incident manager disabled for the length of the test
        String name = unique("im");
        long lastId = create(name, "INCIDENT_MANAGER", null, "long-enough-1").get("id").asLong();
        Api last = Api.as(port, name, "long-enough-1");
        JsonNode managers = last.get("/api/users?role=INCIDENT_MANAGER&size=500").json().get("content");
        List<Long> disabled = new ArrayList<>();
        try {
            for (JsonNode m : managers) {
                if (m.get("id").asLong() != lastId && m.get("enabled").asBoolean()) {
                    assertThat(last.post("/api/users/" + m.get("id").asLong() + "/disable", null).status())
                            .isEqualTo(200);
                    disabled.add(m.get("id").asLong());
                }
            }
            Api.Response disable = last.post("/api/users/" + lastId + "/disable", null);
            assertThat(disable.status()).isEqualTo(409);
            assertThat(disable.json().get("detail").asString()).contains("last active incident manager");
            Api.Response demote = last.put("/api/users/" + lastId + "/role", "{\"role\":\"AGENT\"}");
            assertThat(demote.status()).isEqualTo(409);
            assertThat(last.get("/api/me").status()).isEqualTo(200);
        } finally {
            disabled.forEach(id -> last.post("/api/users/" + id + "/enable", null));
        }
        assertThat(Api.as(port, "manager").get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void every_user_change_is_in_the_audit_trail_with_who_did_it() {
        String name = unique("audited");
        long id = create(name, "AGENT", null, "long-enough-1").get("id").asLong();
        manager().put("/api/users/" + id + "/role", "{\"role\":\"EXECUTIVE\"}");
        JsonNode lines = manager().get("/api/audit?entityType=User&entityId=" + name).json().get("content");
        assertThat(lines.valueStream().map(l -> l.get("action").asString()).toList())
                .containsExactly("USER_ROLE_CHANGED", "USER_CREATED");
        assertThat(lines.valueStream().map(l -> l.get("actor").asString()).distinct().toList())
                .containsExactly("manager");
        assertThat(lines.get(0).get("summary").asString()).contains("AGENT").contains("EXECUTIVE");
    }
}
