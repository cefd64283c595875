package org.outagedesk.sampledata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.outagedesk.incident.SampleIncident;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The 2009 replay tells the README's story: who acknowledged when, who is overdue, who approves the campaign. */
@IntegrationTest
class SampleReplayTest {

    @LocalServerPort
    int port;

    private long sampleIncident() {
        return Api.as(port, "manager").get("/api/incidents").json().valueStream()
                .filter(i -> i.get("title").asString().equals(SampleIncident.TITLE)).findFirst().orElseThrow()
                .get("id").asLong();
    }

    @Test
    void only_the_two_upper_west_side_dealers_are_overdue_and_everyone_else_acknowledged_within_hours_in_2009() {
        Api manager = Api.as(port, "manager");
        JsonNode holds = manager.get("/api/holds?incidentId=" + sampleIncident() + "&size=100").json().get("content");
        Set<String> overdue = new TreeSet<>();
        // only the stores of the sample: stores other tests add later are reached by the same (still active) holds
        Set<String> sampleStores = sampleStoreCodes();
        int replayed = 0;
        for (JsonNode hold : holds) {
            Instant from = Instant.parse(hold.get("effectiveFrom").asString());
            if (!from.isBefore(Instant.parse("2009-11-01T00:00:00Z"))) {
                continue; // a hold another test placed in the sample incident
            }
            replayed++;
            long id = hold.get("id").asLong();
            for (int page = 0; ; page++) {
                JsonNode stores = manager.get("/api/holds/" + id + "/acknowledgements?state=ALL&size=1000&page="
                        + page).json().get("stores");
                for (JsonNode store : stores.get("content")) {
                    if (!sampleStores.contains(store.get("store").asString())) {
                        continue;
                    }
                    if (store.get("state").asString().equals("OVERDUE")) {
                        overdue.add(store.get("store").asString());
                    } else if (!store.get("acknowledgedAt").isNull()) {
                        Instant at = Instant.parse(store.get("acknowledgedAt").asString());
                        assertThat(Duration.between(from, at)).as(store.get("store").asString() + " acknowledged")
                                .isPositive().isLessThan(Duration.ofHours(6));
                    }
                }
                if (page + 1 >= stores.get("totalPages").asInt()) {
                    break;
                }
            }
        }
        assertThat(replayed).as("the online, store and dealer holds of Oct 11-12").isEqualTo(3);
        assertThat(overdue).containsExactly("D-NY-UWS-01", "D-NY-UWS-02");
    }

    @Test
    void the_sample_campaign_is_by_manager_so_manager_cannot_approve_it_and_manager2_may() {
        JsonNode sample = Api.as(port, "manager").get("/api/campaigns?incidentId=" + sampleIncident()).json()
                .valueStream().filter(c -> c.get("name").asString().equals("2009 Sidekick compensation"))
                .findFirst().orElseThrow();
        assertThat(sample.get("createdBy").asString()).isEqualTo("manager");
        // no test approves the shared sample campaign: it waits for manager2, as the README says
        assertThat(sample.get("status").asString()).isEqualTo("SUBMITTED");
        Api.Response own = Api.as(port, "manager").post("/api/campaigns/" + sample.get("id").asLong()
                + "/approve", null);
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.json().get("detail").asString()).contains("second incident manager");
        // manager2 approving the sample would run it for every test after: a copy by manager shows the same rule
        // from the other side
        Api.Response incident = Api.as(port, "manager").post("/api/incidents", "{\"title\":\"Replay copy "
                + System.nanoTime() + "\",\"description\":\"test\",\"severity\":\"SEV4\",\"affectedServices\":"
                + "[\"test\"],\"referenceZone\":\"America/Los_Angeles\",\"startedAt\":\"2001-01-01T00:00:00Z\"}");
        assertThat(incident.status()).as(incident.body()).isEqualTo(201);
        Api.Response copy = Api.as(port, "manager").post("/api/campaigns", "{\"incidentId\":"
                + incident.json().get("id").asLong() + ",\"name\":\"Replay copy\",\"tiers\":[{\"name\":\"All\","
                + "\"reasonCode\":\"GOODWILL\",\"amount\":1.00}]}");
        assertThat(copy.status()).as(copy.body()).isEqualTo(201);
        long id = copy.json().get("id").asLong();
        assertThat(Api.as(port, "manager").post("/api/campaigns/" + id + "/submit", null).status()).isEqualTo(200);
        assertThat(Api.as(port, "manager").post("/api/campaigns/" + id + "/approve", null).status()).isEqualTo(409);
        assertThat(Api.as(port, "manager2").post("/api/campaigns/" + id + "/approve", null).status()).isEqualTo(200);
    }

    private static Set<String> sampleStoreCodes() {
        try (Stream<String> lines = Files.lines(
                Path.of("sample-data/stores.csv"))) {
            return lines.skip(1).map(line -> line.substring(0, line.indexOf(','))).collect(
                    Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
