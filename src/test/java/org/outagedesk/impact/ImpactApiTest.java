package org.outagedesk.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.impact.ImpactTestSupport.HEADER;
import static org.outagedesk.impact.ImpactTestSupport.row;
import static org.outagedesk.impact.ImpactTestSupport.uniqueMsisdn;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.outagedesk.base.SystemActor;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.SampleIncident;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ImpactApiTest {

    @LocalServerPort
    int port;
    @Autowired
    IncidentService incidents;

    long incident;
    String deviceOnlyInNewYork;
    String lostInSeattle;
    String recoveredNokia;

    @BeforeEach
    void ownIncidentWithThreeSubscribers() {
        incident = ImpactTestSupport.newIncident(incidents, "API test");
        deviceOnlyInNewYork = uniqueMsisdn();
        lostInSeattle = uniqueMsisdn();
        recoveredNokia = uniqueMsisdn();
        Api.Response imported = ImpactTestSupport.upload(Api.as(port, "manager"), incident, null, HEADER
                + row(deviceOnlyInNewYork, "SK-S3-BLA", "D-NY-UWS-01", "DEVICE_ONLY", "CONTACTS;PHOTOS")
                + row(lostInSeattle, "SK-LX09-BLU", "C-WA-SEA-01", "LOST", "PHOTOS")
                + row(recoveredNokia, "N5310-BLU", "C-WA-SEA-01", "RECOVERED", "SMS"));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    }

    @Test
    void the_sample_incident_has_twenty_thousand_affected_subscribers() {
        long sample = SystemActor.call(() -> incidents.findAll()).stream()
                .filter(i -> i.getTitle().equals(SampleIncident.TITLE)).findFirst().orElseThrow().getId();
        JsonNode counts = Api.as(port, "exec").get("/api/incidents/" + sample + "/impacts/counts").json();
        assertThat(counts.get("total").asLong()).isEqualTo(20_000);
        assertThat(counts.get("byStatus").get("DEVICE_ONLY").asLong()).isGreaterThan(3_000);
        assertThat(counts.get("byCategory").get("CONTACTS").asLong()).isGreaterThan(5_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"agent", "manager", "exec"})
    void agents_managers_and_executives_see_the_list_counts_and_detail(String user) {
        Api api = Api.as(port, user);
        JsonNode page = api.get("/api/incidents/" + incident + "/impacts").json();
        assertThat(page.get("totalElements").asLong()).isEqualTo(3);
        JsonNode first = page.get("content").get(0);
        assertThat(first.has("msisdn") && first.has("name") && first.has("sku") && first.has("store")
                && first.has("region") && first.has("status") && first.has("categories")
                && first.has("lastContactedAt")).isTrue();
        assertThat(api.get("/api/incidents/" + incident + "/impacts/counts").json().get("total").asLong())
                .isEqualTo(3);
        assertThat(api.get("/api/subscribers/" + deviceOnlyInNewYork).json().get("impacts").get(0).get("status")
                .asString()).isEqualTo("DEVICE_ONLY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"store", "store2", "till"})
    void store_managers_and_tills_see_no_subscriber_data(String user) {
        Api api = Api.as(port, user);
        assertThat(api.get("/api/incidents/" + incident + "/impacts").status()).isEqualTo(403);
        assertThat(api.get("/api/incidents/" + incident + "/impacts/counts").status()).isEqualTo(403);
        Api.Response detail = api.get("/api/subscribers/" + deviceOnlyInNewYork);
        assertThat(detail.status()).isEqualTo(403);
        assertThat(detail.body()).doesNotContain("Test Person", "DEVICE_ONLY");
        assertThat(api.patch("/api/incidents/" + incident + "/impacts/" + deviceOnlyInNewYork,
                "{\"status\":\"LOST\",\"reason\":\"x\"}").status()).isEqualTo(403);
        assertThat(api.post("/api/incidents/" + incident + "/impacts/bulk-status",
                "{\"newStatus\":\"LOST\",\"reason\":\"x\",\"expectedCount\":2}").status()).isEqualTo(403);
    }

    @Test
    void the_list_filters_on_the_server_by_status_category_sku_region_store_and_text() {
        Api agent = Api.as(port, "agent");
        String base = "/api/incidents/" + incident + "/impacts?";
        assertThat(msisdns(agent.get(base + "status=DEVICE_ONLY,LOST"))).containsExactlyInAnyOrder(
                deviceOnlyInNewYork, lostInSeattle);
        assertThat(msisdns(agent.get(base + "status=LOST&status=RECOVERED"))).containsExactlyInAnyOrder(
                lostInSeattle, recoveredNokia);
        // the count of several statuses is read one status at a time: the same total
        assertThat(agent.get(base + "status=LOST&status=RECOVERED").json().get("totalElements").asLong())
                .isEqualTo(2);
        assertThat(agent.get(base + "status=DEVICE_ONLY,LOST,RECOVERED&category=PHOTOS").json()
                .get("totalElements").asLong()).isEqualTo(2);
        assertThat(msisdns(agent.get(base + "category=PHOTOS"))).containsExactlyInAnyOrder(deviceOnlyInNewYork,
                lostInSeattle);
        assertThat(msisdns(agent.get(base + "sku=N5310-BLU"))).containsExactly(recoveredNokia);
        assertThat(msisdns(agent.get(base + "region=New%20York%20Metro"))).containsExactly(deviceOnlyInNewYork);
        assertThat(msisdns(agent.get(base + "store=C-WA-SEA-01"))).containsExactlyInAnyOrder(lostInSeattle,
                recoveredNokia);
        assertThat(msisdns(agent.get(base + "q=" + lostInSeattle.substring(4)))).containsExactly(lostInSeattle);
        assertThat(msisdns(agent.get(base + "contacted=true"))).isEmpty();
        assertThat(agent.get(base + "status=BROKEN").status()).isEqualTo(400);
        assertThat(agent.get(base + "sort=password").status()).isEqualTo(400);
    }

    @Test
    void the_list_sorts_and_pages() {
        Api agent = Api.as(port, "agent");
        String base = "/api/incidents/" + incident + "/impacts?";
        List<String> byStatusDesc = statuses(agent.get(base + "sort=status,desc"));
        assertThat(byStatusDesc).containsExactly("RECOVERED", "LOST", "DEVICE_ONLY");
        JsonNode second = agent.get(base + "sort=status&size=2&page=1").json();
        assertThat(second.get("content").size()).isEqualTo(1);
        assertThat(second.get("totalElements").asLong()).isEqualTo(3);
        assertThat(second.get("totalPages").asInt()).isEqualTo(2);
    }

    @Test
    void an_agent_changes_a_status_with_a_reason_and_an_executive_may_not() {
        String path = "/api/incidents/" + incident + "/impacts/" + lostInSeattle;
        Api.Response noReason = Api.as(port, "agent").patch(path, "{\"status\":\"RECOVERED\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("fields").has("reason")).isTrue();

        assertThat(Api.as(port, "exec").patch(path, "{\"status\":\"RECOVERED\",\"reason\":\"x\"}").status())
                .isEqualTo(403);

        Api.Response changed = Api.as(port, "agent").patch(path,
                "{\"status\":\"RECOVERED\",\"categories\":[\"PHOTOS\",\"EMAIL\"],\"reason\":\"Restored from the"
                        + " operator's backup tape\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode impact = changed.json().get("impacts").get(0);
        assertThat(impact.get("status").asString()).isEqualTo("RECOVERED");
        assertThat(impact.get("categories").toString()).contains("EMAIL");
        JsonNode last = impact.get("history").get(0);
        assertThat(last.get("by").asString()).isEqualTo("agent");
        assertThat(last.get("from").asString()).isEqualTo("LOST");
        assertThat(last.get("reason").asString()).contains("backup tape");
    }

    @Test
    void a_bulk_change_needs_the_count_the_user_saw_and_records_each_subscriber() {
        Api manager = Api.as(port, "manager");
        String base = "/api/incidents/" + incident + "/impacts/bulk-status";
        String filter = "{\"store\":\"C-WA-SEA-01\"}";
        long count = manager.post(base + "/preview", "{\"filter\":" + filter + ",\"newStatus\":\"LOST\"}").json()
                .get("count").asLong();
        assertThat(count).isEqualTo(1); // the Seattle subscriber already LOST does not change

        Api.Response stale = manager.post(base, "{\"filter\":" + filter
                + ",\"newStatus\":\"LOST\",\"reason\":\"Backups gone\",\"expectedCount\":2}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("currentCount").asLong()).isEqualTo(1);
        assertThat(statusOf(recoveredNokia)).isEqualTo("RECOVERED");

        assertThat(Api.as(port, "exec").post(base, "{\"filter\":" + filter
                + ",\"newStatus\":\"LOST\",\"reason\":\"Backups gone\",\"expectedCount\":1}").status())
                .isEqualTo(403);

        assertThat(Api.as(port, "agent").post(base, "{\"filter\":" + filter
                + ",\"newStatus\":\"LOST\",\"reason\":\"Backups gone\",\"expectedCount\":1}").status())
                .as("agents change one subscriber at a time").isEqualTo(403);
        Api.Response done = manager.post(base, "{\"filter\":" + filter
                + ",\"newStatus\":\"LOST\",\"reason\":\"Backups gone\",\"expectedCount\":1}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("changed").asLong()).isEqualTo(1);
        assertThat(statusOf(recoveredNokia)).isEqualTo("LOST");
        assertThat(statusOf(deviceOnlyInNewYork)).isEqualTo("DEVICE_ONLY");
        JsonNode history = manager.get("/api/subscribers/" + recoveredNokia).json().get("impacts").get(0)
                .get("history").get(0);
        assertThat(history.get("reason").asString()).isEqualTo("Backups gone");
        assertThat(history.get("by").asString()).isEqualTo("manager");
    }

    @Test
    void an_unknown_subscriber_is_404_and_a_malformed_number_400() {
        Api agent = Api.as(port, "agent");
        assertThat(agent.get("/api/subscribers/+19999999999999").status()).isEqualTo(404);
        assertThat(agent.get("/api/subscribers/hello").status()).isEqualTo(400);
    }

    private String statusOf(String msisdn) {
        return Api.as(port, "agent").get("/api/subscribers/" + msisdn).json().get("impacts").get(0).get("status")
                .asString();
    }

    private static List<String> msisdns(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> list = new ArrayList<>();
        response.json().get("content").forEach(r -> list.add(r.get("msisdn").asString()));
        return list;
    }

    private static List<String> statuses(Api.Response response) {
        List<String> list = new ArrayList<>();
        response.json().get("content").forEach(r -> list.add(r.get("status").asString()));
        return list;
    }
}
