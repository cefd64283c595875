package org.outagedesk.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class TimelineApiTest {

    @LocalServerPort
    int port;

    private Api as(String user) {
        return Api.as(port, user);
    }

    private long sampleIncidentId() {
        for (JsonNode incident : as("agent").get("/api/incidents").json()) {
            if (incident.get("title").asString().equals(IncidentSampleData.TITLE)) {
                return incident.get("id").asLong();
            }
        }
        throw new AssertionError("no sample incident");
    }

    private long newIncident() {
        Api.Response created = as("manager").post("/api/incidents", """
                {"title": "API test outage %s", "description": "test", "severity": "SEV2",
                 "affectedServices": ["e-mail"], "referenceZone": "America/New_York",
                 "startedAt": "%s"}""".formatted(UUID.randomUUID(), Instant.now().minus(3, ChronoUnit.HOURS)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private JsonNode addEntry(long incidentId, String visibility, String type, String text) {
        Api.Response added = as("manager").post("/api/incidents/" + incidentId + "/timeline", """
                {"type": "%s", "occurredAt": "%s", "visibility": "%s", "pinned": false, "text": "%s"}"""
                .formatted(type, Instant.now().minus(1, ChronoUnit.HOURS), visibility, text));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json();
    }

    private List<String> texts(Api.Response timeline) {
        List<String> texts = new ArrayList<>();
        timeline.json().get("content").forEach(e -> texts.add(e.get("text").asString()));
        return texts;
    }

    @Test
    void an_incident_manager_runs_an_incident_and_its_entries_through_the_api() {
        long id = newIncident();
        Api manager = as("manager");

        Api.Response identified = manager.post("/api/incidents/" + id + "/status",
                "{\"status\": \"IDENTIFIED\", \"note\": \"mail relay down\"}");
        assertThat(identified.status()).as(identified.body()).isEqualTo(200);
        assertThat(identified.json().get("status").asString()).isEqualTo("IDENTIFIED");
        assertThat(identified.json().get("timeToDetect").isNull()).isFalse();

        JsonNode entry = addEntry(id, "INTERNAL", "INVESTIGATION", "Relay queue at 2 million");
        long entryId = entry.get("id").asLong();
        int version = entry.get("version").asInt();
        String path = "/api/incidents/" + id + "/timeline/" + entryId;

        Api.Response edited = manager.put(path, """
                {"type": "INVESTIGATION", "occurredAt": "%s", "visibility": "INTERNAL", "pinned": true,
                 "text": "Relay queue at 3 million", "version": %d}""".formatted(entry.get("occurredAt").asString(),
                version));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("pinned").asBoolean()).isTrue();

        Api.Response stale = manager.put(path, """
                {"type": "NOTE", "occurredAt": "%s", "visibility": "PUBLIC", "text": "overwrite", "version": %d}"""
                .formatted(entry.get("occurredAt").asString(), version));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(manager.get(path).json().get("text").asString()).isEqualTo("Relay queue at 3 million");

        Api.Response history = manager.get(path + "/history");
        assertThat(history.json()).hasSize(2);
        assertThat(history.json().get(0).get("changedBy").asString()).isEqualTo("manager");
        assertThat(history.json().get(1).get("text").asString()).isEqualTo("Relay queue at 2 million");

        Api.Response retracted = manager.post(path + "/retract", "{\"reason\": \"duplicate\"}");
        assertThat(retracted.status()).as(retracted.body()).isEqualTo(200);
        assertThat(retracted.json().get("retracted").asBoolean()).isTrue();
        assertThat(texts(manager.get("/api/incidents/" + id + "/timeline"))).contains("Relay queue at 3 million",
                "Status Investigating → Cause identified. mail relay down");
        assertThat(manager.post(path + "/retract", "{\"reason\": \"again\"}").status()).isEqualTo(409);
    }

    @Test
    void an_impossible_status_change_gets_a_problem_naming_the_allowed_ones() {
        long id = newIncident();

        Api.Response refused = as("manager").post("/api/incidents/" + id + "/status", "{\"status\": \"INVESTIGATING\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).contains("application/problem+json");
        // the allowed ones in the words the console shows (the codes are in the API's schema), never the codes
        assertThat(refused.json().get("fields").get("status").asString())
                .contains("\"Cause identified\", \"Fix in place, monitoring\" or \"Resolved\"")
                .doesNotContain("IDENTIFIED").doesNotContain("MONITORING");
        assertThat(as("manager").post("/api/incidents/" + id + "/status", "{\"status\": \"SOLVED\"}").json()
                .get("fields").has("status")).isTrue();
    }

    @Test
    void bad_entries_get_a_problem_naming_the_field_and_nothing_is_stored() {
        long id = newIncident();
        Api manager = as("manager");
        String url = "/api/incidents/" + id + "/timeline";
        String now = Instant.now().toString();

        assertField(manager.post(url, entry("NOTE", now, "")), "text");
        assertField(manager.post(url, entry("NOTE", now, "x".repeat(10_001))), "text");
        assertField(manager.post(url, entry("GOSSIP", now, "hello")), "type");
        assertField(manager.post(url, entry("NOTE", Instant.now().plus(2, ChronoUnit.DAYS).toString(), "hi")),
                "occurredAt");
        assertField(manager.post(url, entry("NOTE", "yesterday", "hi")), "occurredAt");
        Api.Response malformed = manager.post(url, "{\"type\": \"NOTE\", ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).contains("application/problem+json");

        assertThat(manager.get(url).json().get("totalElements").asLong()).isZero();
    }

    private static String entry(String type, String occurredAt, String text) {
        return """
                {"type": "%s", "occurredAt": "%s", "visibility": "INTERNAL", "text": "%s"}"""
                .formatted(type, occurredAt, text);
    }

    @Test
    void an_incident_manager_corrects_the_lifecycle_times_and_others_may_not() {
        long id = newIncident();
        Instant started = Instant.parse(as("manager").get("/api/incidents/" + id).json().get("startedAt").asString());
        Instant detected = started.plus(20, ChronoUnit.MINUTES);
        Instant acknowledged = started.plus(50, ChronoUnit.MINUTES);
        Api.Response corrected = as("manager").put("/api/incidents/" + id + "/lifecycle", """
                {"detectedAt": "%s", "acknowledgedAt": "%s", "mitigatedAt": null, "resolvedAt": null}"""
                .formatted(detected, acknowledged));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        JsonNode incident = as("agent").get("/api/incidents/" + id).json();
        assertThat(Instant.parse(incident.get("detectedAt").asString())).isEqualTo(detected);
        assertThat(Instant.parse(incident.get("acknowledgedAt").asString())).isEqualTo(acknowledged);
        assertThat(incident.get("mitigatedAt").isNull()).isTrue();
        assertThat(Duration.parse(incident.get("timeToDetect").asString()))
                .isEqualTo(Duration.ofMinutes(20));

        Api.Response early = as("manager").put("/api/incidents/" + id + "/lifecycle", """
                {"detectedAt": "%s"}""".formatted(started.minus(1, ChronoUnit.MINUTES)));
        assertThat(early.status()).isEqualTo(400);
        assertField(early, "detectedAt");
        Api.Response garbled = as("manager").put("/api/incidents/" + id + "/lifecycle", """
                {"mitigatedAt": "yesterday"}""");
        assertThat(garbled.status()).isEqualTo(400);
        assertField(garbled, "mitigatedAt");
        for (String user : List.of("agent", "exec", "store", "till")) {
            assertThat(as(user).put("/api/incidents/" + id + "/lifecycle", "{\"detectedAt\": null}").status())
                    .as(user).isEqualTo(403);
        }
        assertThat(Instant.parse(as("agent").get("/api/incidents/" + id).json().get("detectedAt").asString()))
                .as("the refused corrections changed nothing").isEqualTo(detected);
    }

    private static void assertField(Api.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("fields").has(field)).as(response.body()).isTrue();
    }

    @Test
    void an_agent_and_an_executive_read_internal_entries_but_change_nothing() {
        long sample = sampleIncidentId();
        for (String user : List.of("agent", "exec")) {
            Api.Response internal = as(user).get("/api/incidents/" + sample + "/timeline?visibility=INTERNAL");
            assertThat(internal.status()).isEqualTo(200);
            assertThat(texts(internal)).anyMatch(t -> t.contains("main and the backup databases"));

            assertThat(as(user).post("/api/incidents/" + sample + "/timeline",
                    entry("NOTE", Instant.now().toString(), "not allowed")).status()).isEqualTo(403);
            assertThat(as(user).post("/api/incidents/" + sample + "/status", "{\"status\": \"RESOLVED\"}").status())
                    .isEqualTo(403);
        }
    }

    @Test
    void a_store_manager_reads_only_public_entries_and_retail_instructions() {
        long sample = sampleIncidentId();
        Api.Response timeline = as("store").get("/api/incidents/" + sample + "/timeline");

        assertThat(timeline.status()).isEqualTo(200);
        timeline.json().get("content").forEach(e -> assertThat(e.get("visibility").asString().equals("PUBLIC")
                || e.get("type").asString().equals("RETAIL_INSTRUCTION")).as(e.toString()).isTrue());
        assertThat(texts(timeline)).anyMatch(t -> t.contains("retail sales managers"))
                .noneMatch(t -> t.contains("main and the backup databases"));

        long internalId = -1;
        for (JsonNode e : as("agent").get("/api/incidents/" + sample + "/timeline?visibility=INTERNAL&type=INVESTIGATION")
                .json().get("content")) {
            internalId = e.get("id").asLong();
        }
        assertThat(as("store").get("/api/incidents/" + sample + "/timeline/" + internalId).status()).isEqualTo(403);
        assertThat(as("store").get("/api/incidents/" + sample + "/timeline/" + internalId + "/history").status())
                .isEqualTo(403);
        assertThat(as("store").post("/api/incidents/" + sample + "/timeline",
                entry("NOTE", Instant.now().toString(), "no")).status()).isEqualTo(403);
    }

    @Test
    void the_till_reads_nothing_here_and_strangers_must_sign_in() {
        assertThat(as("till").get("/api/incidents").status()).isEqualTo(403);
        assertThat(as("till").get("/api/incidents/" + sampleIncidentId() + "/timeline").status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get("/api/incidents").status()).isEqualTo(401);
    }

    @Test
    void the_public_advisory_needs_no_sign_in_and_never_shows_internal_text() {
        long sample = sampleIncidentId();
        String secret = "INTERNAL-ONLY-" + UUID.randomUUID();
        String publicText = "Public update " + UUID.randomUUID();
        addEntry(sample, "INTERNAL", "CUSTOMER_NOTICE", secret);
        addEntry(sample, "PUBLIC", "CUSTOMER_NOTICE", publicText);
        JsonNode retracted = addEntry(sample, "PUBLIC", "CUSTOMER_NOTICE", "Retracted " + secret);
        as("manager").post("/api/incidents/" + sample + "/timeline/" + retracted.get("id").asLong() + "/retract",
                "{\"reason\": \"wrong\"}");

        Api.Response advisory = Api.anonymous(port).get("/api/public/advisory");

        assertThat(advisory.status()).isEqualTo(200);
        assertThat(advisory.body()).contains(publicText, "do not reset your Sidekick")
                .doesNotContain(secret, "retail sales managers", "main and the backup databases", "\"author\"");
        JsonNode incident = null;
        for (JsonNode i : advisory.json().get("incidents")) {
            incident = i.get("id").asLong() == sample ? i : incident;
        }
        assertThat(incident).isNotNull();
        assertThat(incident.get("guidance").get(0).get("text").asString()).contains("do not reset");
        assertThat(incident.get("referenceZone").asString()).isEqualTo("America/Los_Angeles");
    }
}
