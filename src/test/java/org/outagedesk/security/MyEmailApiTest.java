package org.outagedesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * GET/PUT /api/me/email: each signed-in role reads and sets its own address; PUT /api/users/{id}/email: incident
 * managers only.
 */
@IntegrationTest
class MyEmailApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void putBack() {
        jdbc.update("update app_user set email = null, info_emails = true where username in ('agent', 'exec',"
                + " 'store', 'till', 'manager')");
    }

    @Test
    void every_signed_in_role_sets_its_own_address_and_switch() {
        for (String user : new String[] {"manager", "agent", "exec", "store", "till"}) {
            Api.Response put = Api.as(port, user).put("/api/me/email", "{\"email\": \" " + user
                    + "@example.com \", \"infoEmails\": false}");
            assertThat(put.status()).as(user + ": " + put.body()).isEqualTo(200);
            JsonNode me = Api.as(port, user).get("/api/me/email").json();
            assertThat(me.get("email").asString()).isEqualTo(user + "@example.com");
            assertThat(me.get("infoEmails").asBoolean()).isFalse();
        }
        Api.Response cleared = Api.as(port, "agent").put("/api/me/email", "{\"email\": \"\", \"infoEmails\": true}");
        assertThat(cleared.json().get("email").isNull()).isTrue();
        assertThat(Api.anonymous(port).get("/api/me/email").status()).isEqualTo(401);
        assertThat(Api.as(port, "agent").get("/api/me").json().get("username").asString()).isEqualTo("agent");
    }

    @Test
    void a_bad_or_long_address_is_refused_naming_the_field_without_echoing_it() {
        String longAddress = "a".repeat(5000) + "@example.com";
        Api.Response tooLong = Api.as(port, "agent").put("/api/me/email", "{\"email\": \"" + longAddress
                + "\", \"infoEmails\": true}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("fields").has("email")).isTrue();
        assertThat(tooLong.body()).doesNotContain("aaaaaaaaaaaaaaaaaaaa");
        Api.Response bad = Api.as(port, "agent").put("/api/me/email",
                "{\"email\": \"no at sign\", \"infoEmails\": true}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("fields").has("email")).isTrue();
        assertThat(Api.as(port, "agent").put("/api/me/email", "{\"email\": \"a@b.example\"}").status())
                .as("infoEmails is required").isEqualTo(400);
        assertThat(jdbc.queryForObject("select email from app_user where username = 'agent'", String.class)).isNull();
    }

    @Test
    void incident_managers_set_another_users_address_and_nobody_else_does() {
        long agentId = jdbc.queryForObject("select id from app_user where username = 'agent'", Long.class);
        for (String user : new String[] {"agent", "exec", "store", "till"}) {
            assertThat(Api.as(port, user).put("/api/users/" + agentId + "/email", "{\"email\": \"x@example.com\"}")
                    .status()).as(user).isEqualTo(403);
        }
        Api.Response set = Api.as(port, "manager").put("/api/users/" + agentId + "/email",
                "{\"email\": \"pat@example.com\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("email").asString()).isEqualTo("pat@example.com");
        assertThat(Api.as(port, "agent").get("/api/me/email").json().get("email").asString())
                .isEqualTo("pat@example.com");
    }
}
