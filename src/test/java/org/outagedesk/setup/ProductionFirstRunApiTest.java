package org.outagedesk.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import tools.jackson.databind.JsonNode;

/**
 * A real installation's first run, only through the API: the {@code prod} profile on an empty database with the
 * first incident manager from the environment loads the sample catalog files, creates a store manager, a second
 * incident manager and a till, opens an incident, imports subscribers, places a hold and asks the till's answer.
 */
// a second application in this JVM replaces the global security-context strategy: put it back afterwards
@ExtendWith(KeepsSecurityContextStrategy.class)
class ProductionFirstRunApiTest {

    static final String CHIEF_PASSWORD = "a-long-and-unusual-secret";

    static ConfigurableApplicationContext startProd() {
        return new SpringApplicationBuilder(OutageDeskApplication.class).run(Stream.concat(
                Stream.of(TestDatabase.freshDatabaseArgs("prod-journey")),
                Stream.of("--spring.profiles.active=prod", "--server.port=0", "--logging.level.root=warn",
                        "--outagedesk.security.admin-username=chief",
                        "--outagedesk.security.admin-password=" + CHIEF_PASSWORD)).toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    static byte[] sample(String name) throws IOException {
        return Files.readAllBytes(Path.of("sample-data", name));
    }

    @Test
    void the_first_incident_manager_sets_up_an_empty_installation_and_the_till_answers() throws IOException {
        // a second application in this JVM installs its own static security context strategy (Vaadin's): the shared
        // test application's beans keep the one they captured, so it is put back when this one closes
        SecurityContextHolderStrategy shared = SecurityContextHolder.getContextHolderStrategy();
        try (ConfigurableApplicationContext app = startProd()) {
            int port = port(app);
            Api chief = Api.as(port, "chief", CHIEF_PASSWORD);

            // an empty installation: nothing in the catalog, everything missing
            assertThat(chief.get("/api/skus").json()).isEmpty();
            JsonNode before = chief.get("/api/setup").json();
            assertThat(before.get("complete").asBoolean()).isFalse();
            before.get("steps").forEach(s -> assertThat(s.get("done").asBoolean()).as(s.toString()).isFalse());

            // the catalog, from the sample files, in the order their references need
            for (String file : List.of("regions.csv", "skus.csv", "stores.csv")) {
                String path = "/api/" + file.replace(".csv", "") + "/import";
                Api.Response r = CatalogTestSupport.upload(chief, path, null, sample(file), file);
                assertThat(r.status()).as(file + ": " + r.body()).isEqualTo(200);
                assertThat(r.json().get("rejected").asLong()).isZero();
            }
            assertThat(chief.get("/api/stores?size=1").json().get("totalElements").asLong()).isEqualTo(300);

            // users: a store manager of an Upper West Side dealer, a second incident manager, a till
            String password = "another-long-secret";
            assertThat(chief.post("/api/users", """
                    {"username": "uws", "displayName": "Broadway Wireless manager", "role": "STORE_MANAGER",
                     "storeCode": "D-NY-UWS-01", "password": "%s"}""".formatted(password)).status()).isEqualTo(201);
            assertThat(chief.post("/api/users", """
                    {"username": "deputy", "displayName": "Deputy incident manager", "role": "INCIDENT_MANAGER",
                     "password": "%s"}""".formatted(password)).status()).isEqualTo(201);
            assertThat(chief.post("/api/users", """
                    {"username": "till-uws", "displayName": "Broadway Wireless till", "role": "POS",
                     "password": "%s"}""".formatted(password)).status()).isEqualTo(201);

            // the incident
            Api.Response incident = chief.post("/api/incidents", """
                    {"title": "Sidekick data service outage", "description": "Sync, e-mail and web fail",
                     "severity": "SEV1", "affectedServices": ["data sync", "e-mail", "web"],
                     "referenceZone": "America/Los_Angeles", "startedAt": "2026-11-29T06:00:00Z"}""");
            assertThat(incident.status()).as(incident.body()).isEqualTo(201);
            long incidentId = incident.json().get("id").asLong();
            JsonNode after = chief.get("/api/setup").json();
            assertThat(after.get("complete").asBoolean()).as(after.toString()).isTrue();

            // subscribers: the first 500 of the sample file (their SKUs and stores must exist: they do now)
            List<String> lines = Files.readAllLines(Path.of("sample-data", "subscribers-2009.csv"));
            byte[] subscribers = (String.join("\n", lines.subList(0, 501)) + "\n").getBytes(StandardCharsets.UTF_8);
            Api.Response imported = CatalogTestSupport.upload(chief, "/api/incidents/" + incidentId
                    + "/impacts/import", null, subscribers, "subscribers.csv");
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
            assertThat(imported.json().get("imported").asLong()).isEqualTo(500);

            // the stop-sale, and the tills' answer
            Api till = Api.as(port, "till-uws", password);
            assertThat(till.get("/api/sale-status?sku=SK-LX09-CARBLA&store=D-NY-UWS-01").json().get("sellable")
                    .asBoolean()).isTrue();
            Api.Response hold = chief.post("/api/holds", """
                    {"incidentId": %d, "family": "SIDEKICK", "channels": ["ONLINE", "RETAIL", "DEALER"],
                     "reason": "Sidekick sales on hold while the data service is down"}""".formatted(incidentId));
            assertThat(hold.status()).as(hold.body()).isEqualTo(201);
            assertThat(hold.json().get("storeCount").asLong()).isEqualTo(300);
            JsonNode answer = till.get("/api/sale-status?sku=SK-LX09-CARBLA&store=D-NY-UWS-01").json();
            assertThat(answer.get("sellable").asBoolean()).isFalse();
            assertThat(answer.get("holds").get(0).get("id").asLong()).isEqualTo(hold.json().get("id").asLong());
            assertThat(till.get("/api/sale-status?sku=MT3G-BLA&store=D-NY-UWS-01").json().get("sellable")
                    .asBoolean()).as("a phone of another family").isTrue();

            // the store manager sees it to acknowledge
            Api uws = Api.as(port, "uws", password);
            assertThat(uws.get("/api/my-store/holds").body()).contains("Sidekick sales on hold");
        } finally {
            SecurityContextHolder.setContextHolderStrategy(shared);
        }
    }
}
