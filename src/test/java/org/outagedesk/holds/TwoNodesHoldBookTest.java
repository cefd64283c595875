package org.outagedesk.holds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.outagedesk.Api;
import org.outagedesk.KeepsSecurityContextStrategy;
import org.outagedesk.OutageDeskApplication;
import org.outagedesk.TestDatabase;
import org.outagedesk.catalog.CatalogTestSupport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Several nodes on one database (issue 17): two application nodes share a fresh database of the run's engine (in the
 * PostgreSQL run, one PostgreSQL database; in the H2 run, one in-memory H2 both nodes of the JVM open). The tills'
 * answers come from each node's memory ({@link HoldBook}); a hold placed on one node must be answered by the other
 * node's till API within {@code outagedesk.holds.refresh}.
 */
@ExtendWith(KeepsSecurityContextStrategy.class)
class TwoNodesHoldBookTest {

    private static final String CHIEF_PASSWORD = "two-nodes-chief-secret";
    private static final String TILL_PASSWORD = "two-nodes-till-secret";
    private static final Duration REFRESH = Duration.ofSeconds(1);
    /** What a question may add to the refresh: the book's own load time after its query (a generous bound). */
    private static final Duration SLACK = Duration.ofMillis(500);

    private static ConfigurableApplicationContext node(String[] database) {
        return new SpringApplicationBuilder(OutageDeskApplication.class).run(Stream.concat(Stream.of(database),
                Stream.of("--spring.profiles.active=prod", "--server.port=0", "--logging.level.root=warn",
                        "--outagedesk.holds.refresh=" + REFRESH.toMillis() + "ms",
                        "--outagedesk.security.admin-username=chief",
                        "--outagedesk.security.admin-password=" + CHIEF_PASSWORD)).toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    private static boolean sellable(Api till) {
        Api.Response r = till.get("/api/sale-status?sku=SK-LX09-CARBLA&store=D-NY-UWS-01");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("sellable").asBoolean();
    }

    @Test
    void a_hold_placed_on_one_node_is_answered_by_the_other_nodes_till_within_the_refresh_delay() throws IOException {
        String[] database = TestDatabase.freshDatabaseArgs("two-nodes");
        try (ConfigurableApplicationContext a = node(database); ConfigurableApplicationContext b = node(database)) {
            Api chiefOnA = Api.as(port(a), "chief", CHIEF_PASSWORD);
            for (String file : List.of("regions.csv", "skus.csv", "stores.csv")) {
                Api.Response r = CatalogTestSupport.upload(chiefOnA, "/api/" + file.replace(".csv", "") + "/import",
                        null, Files.readAllBytes(Path.of("sample-data", file)), file);
                assertThat(r.status()).as(file + ": " + r.body()).isEqualTo(200);
            }
            assertThat(chiefOnA.post("/api/users", """
                    {"username": "till", "displayName": "A till", "role": "POS", "password": "%s"}"""
                    .formatted(TILL_PASSWORD)).status()).isEqualTo(201);
            Api.Response incident = chiefOnA.post("/api/incidents", """
                    {"title": "Two nodes", "description": "test", "severity": "SEV2", "affectedServices": ["sync"],
                     "referenceZone": "America/Los_Angeles", "startedAt": "2026-11-29T06:00:00Z"}""");
            assertThat(incident.status()).as(incident.body()).isEqualTo(201);

            // node B's till has its book in memory, saying yes
            Api tillOnB = Api.as(port(b), "till", TILL_PASSWORD);
            assertThat(sellable(tillOnB)).isTrue();

            Api.Response hold = chiefOnA.post("/api/holds", """
                    {"incidentId": %d, "family": "SIDEKICK", "channels": ["DEALER"],
                     "reason": "Placed on node A"}""".formatted(incident.json().get("id").asLong()));
            assertThat(hold.status()).as(hold.body()).isEqualTo(201);
            long placed = System.nanoTime();
            assertThat(sellable(Api.as(port(a), "till", TILL_PASSWORD))).as("node A at once").isFalse();

            // node B: every question asked once the refresh delay has passed since the hold committed says no
            long due = placed + REFRESH.plus(SLACK).toNanos();
            long giveUp = placed + Duration.ofSeconds(30).toNanos();
            boolean answeredNo = false;
            while (!answeredNo && System.nanoTime() < giveUp) {
                long asked = System.nanoTime();
                answeredNo = !sellable(tillOnB);
                assertThat(answeredNo || asked < due).as("node B still sold %d ms after the hold was placed on A",
                        (asked - placed) / 1_000_000).isTrue();
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            assertThat(answeredNo).isTrue();
            JsonNode answer = tillOnB.get("/api/sale-status?sku=SK-LX09-CARBLA&store=D-NY-UWS-01").json();
            assertThat(answer.get("holds").get(0).get("id").asLong()).isEqualTo(hold.json().get("id").asLong());
        }
    }
}
