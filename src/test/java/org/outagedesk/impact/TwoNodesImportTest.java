package org.outagedesk.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.Waits.waitUpTo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
 * Several nodes on one database (issue 17): an import running on one node shows its progress on the other, and then
 * its result; while it runs, the other refuses a second import into the same incident, naming who imports what.
 */
@ExtendWith(KeepsSecurityContextStrategy.class)
class TwoNodesImportTest {

    private static final String CHIEF_PASSWORD = "two-nodes-import-chief-secret";
    private static final int ROWS = 20_000;

    private static ConfigurableApplicationContext node(String[] database, String name) {
        return new SpringApplicationBuilder(OutageDeskApplication.class).run(Stream.concat(Stream.of(database),
                Stream.of("--spring.profiles.active=prod", "--server.port=0", "--logging.level.root=warn",
                        "--outagedesk.node=" + name, "--outagedesk.security.admin-username=chief",
                        "--outagedesk.security.admin-password=" + CHIEF_PASSWORD)).toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void an_import_running_on_one_node_shows_its_progress_and_result_on_the_other() throws Exception {
        String[] database = TestDatabase.freshDatabaseArgs("two-nodes-import");
        try (ConfigurableApplicationContext a = node(database, "node-a");
                ConfigurableApplicationContext b = node(database, "node-b")) {
            Api chiefOnA = Api.as(port(a), "chief", CHIEF_PASSWORD);
            Api chiefOnB = Api.as(port(b), "chief", CHIEF_PASSWORD);
            for (String file : List.of("regions.csv", "skus.csv", "stores.csv")) {
                Api.Response r = CatalogTestSupport.upload(chiefOnA, "/api/" + file.replace(".csv", "") + "/import",
                        null, Files.readAllBytes(Path.of("sample-data", file)), file);
                assertThat(r.status()).as(file + ": " + r.body()).isEqualTo(200);
            }
            Api.Response incident = chiefOnA.post("/api/incidents", """
                    {"title": "Two nodes import", "description": "test", "severity": "SEV2",
                     "affectedServices": ["sync"], "referenceZone": "America/Los_Angeles",
                     "startedAt": "2026-11-29T06:00:00Z"}""");
            assertThat(incident.status()).as(incident.body()).isEqualTo(201);
            long id = incident.json().get("id").asLong();
            assertThat(chiefOnA.get("/api/incidents/" + id + "/impacts/import").status())
                    .as("no import yet").isEqualTo(404);

            StringBuilder csv = new StringBuilder(ImpactTestSupport.HEADER);
            for (int i = 0; i < ROWS; i++) {
                csv.append(ImpactTestSupport.row(ImpactTestSupport.uniqueMsisdn(), "SK-S3-BLA", "D-NY-UWS-03",
                        "LOST", "PHOTOS"));
            }
            byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
            // the import runs on B: of two applications in one JVM, the last started owns the JVM's security context
            // holder, which names the importer (two nodes in production are two JVMs)
            CompletableFuture<Api.Response> onB = CompletableFuture.supplyAsync(() -> ImpactTestSupport.upload(
                    chiefOnB, id, null, file, "twenty-thousand.csv"));

            // node A, while B imports: the running import, with its progress
            Set<String> phasesSeenOnA = ConcurrentHashMap.newKeySet();
            JsonNode running = waitUpTo(Duration.ofMinutes(2), Duration.ofMillis(20), "node A sees B's import run")
                    .until(() -> {
                        Api.Response r = chiefOnA.get("/api/incidents/" + id + "/impacts/import");
                        return r.status() == 200 ? r.json() : null;
                    }, j -> j != null && !j.get("phase").asString().equals("DONE"));
            phasesSeenOnA.add(running.get("phase").asString());
            assertThat(running.get("fileName").asString()).isEqualTo("twenty-thousand.csv");
            assertThat(running.get("startedBy").asString()).isEqualTo("chief");
            Api.Response second = ImpactTestSupport.upload(chiefOnA, id, null, ImpactTestSupport.HEADER
                    + ImpactTestSupport.row(ImpactTestSupport.uniqueMsisdn(), "SK-S3-BLA", "D-NY-UWS-03", "LOST",
                            "PHOTOS"));
            assertThat(second.status()).as(second.body()).isEqualTo(409);
            assertThat(second.json().get("detail").asString())
                    .isEqualTo("chief is importing twenty-thousand.csv into this incident; wait until it is done");

            Api.Response done = onB.get(3, TimeUnit.MINUTES);
            assertThat(done.status()).as(done.body()).isEqualTo(200);
            JsonNode last = chiefOnA.get("/api/incidents/" + id + "/impacts/import").json();
            assertThat(last.get("phase").asString()).isEqualTo("DONE");
            assertThat(last.get("rowsRead").asLong()).isEqualTo(ROWS);
            assertThat(last.get("result").get("imported").asLong()).isEqualTo(ROWS);
            assertThat(last.get("result")).isEqualTo(done.json());
            assertThat(phasesSeenOnA).containsAnyOf("CHECKING", "MERGING");
        }
    }
}
