package org.outagedesk.backups;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.outagedesk.Api;
import org.outagedesk.TestDatabase;
import org.outagedesk.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may list and take backups through the API, and what the in-memory test database answers (the drill,
 * {@link BackupDrillTest}, takes real ones on a file database).
 */
@IntegrationTest
class BackupApiTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"agent", "store", "exec", "till"})
    void every_role_but_the_incident_manager_is_refused_the_list_and_a_backup(String user) {
        Api api = Api.as(port, user);
        assertThat(api.get("/api/backups").status()).isEqualTo(403);
        assertThat(api.post("/api/backups", null).status()).isEqualTo(403);
    }

    @Test
    void nobody_signed_out_sees_or_takes_backups() {
        assertThat(Api.anonymous(port).get("/api/backups").status()).isEqualTo(401);
        assertThat(Api.anonymous(port).post("/api/backups", null).status()).isEqualTo(401);
    }

    @Test
    void an_incident_manager_lists_the_backups() {
        Api.Response list = Api.as(port, "manager").get("/api/backups");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().isArray()).isTrue();
    }

    @Test
    void a_database_in_memory_or_on_postgresql_is_not_backed_up_and_the_answer_says_why() {
        Api.Response refused = Api.as(port, "manager").post("/api/backups", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        if (TestDatabase.postgres()) {
            assertThat(refused.json().get("detail").asString()).contains("PostgreSQL", "pg_dump");
        } else {
            assertThat(refused.json().get("detail").asString()).contains("in memory");
        }
    }
}
