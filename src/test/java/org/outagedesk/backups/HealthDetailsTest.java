package org.outagedesk.backups;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.outagedesk.Api;
import org.outagedesk.TestDatabase;
import org.outagedesk.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The health report: the status for everyone, the database's size and the backups for incident managers. */
@IntegrationTest
class HealthDetailsTest {

    @LocalServerPort
    int port;

    @Test
    void the_health_report_shows_details_to_incident_managers_only() {
        Api.Response anonymous = Api.anonymous(port).get("/actuator/health");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().get("status").asString()).isEqualTo("UP");
        assertThat(anonymous.json().has("components")).isFalse();
        assertThat(anonymous.json().has("details")).isFalse();
        assertThat(Api.as(port, "agent").get("/actuator/health").json().has("components")).isFalse();

        Api.Response manager = Api.as(port, "manager").get("/actuator/health");
        assertThat(manager.status()).isEqualTo(200);
        if (TestDatabase.postgres()) {
            assertThat(manager.json().at("/components/dataFolder/details/engine").asString()).isEqualTo("PostgreSQL");
            assertThat(manager.json().at("/components/dataFolder/details/databaseBytes").asLong()).isPositive();
        } else {
            assertThat(manager.json().at("/components/dataFolder/details/dataFolder").asString())
                    .contains("in memory");
        }
    }
}
