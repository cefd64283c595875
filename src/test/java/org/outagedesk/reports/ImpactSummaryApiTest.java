package org.outagedesk.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.outagedesk.base.SystemActor;
import org.outagedesk.holds.HoldService;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.impact.ImportMode;
import org.outagedesk.impact.ImportResult;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.NewIncident;
import org.outagedesk.incident.Severity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ImpactSummaryApiTest {

    static final String SAMPLE_TITLE = "Sidekick data service outage and data loss";

    @LocalServerPort
    int port;
    @Autowired
    IncidentService incidents;
    @Autowired
    HoldService holds;
    @Autowired
    ImpactService impacts;
    @Autowired
    JdbcTemplate jdbc;

    Incident sample;

    @BeforeEach
    void sampleIncident() {
        sample = SystemActor.call(() -> incidents.findAll()).stream()
                .filter(i -> i.getTitle().equals(SAMPLE_TITLE)).findFirst().orElseThrow();
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class, sample.getId());
        return n == null ? 0 : n;
    }

    private BigDecimal sum(String sql) {
        BigDecimal n = jdbc.queryForObject(sql, BigDecimal.class, sample.getId());
        return n == null ? BigDecimal.ZERO.setScale(2) : n.setScale(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"exec", "manager"})
    void executives_and_incident_managers_read_the_sample_incidents_figures_as_the_database_holds_them(String user) {
        Api.Response response = Api.as(port, user).get("/api/incidents/" + sample.getId() + "/summary");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode s = response.json();

        assertThat(s.get("title").asString()).isEqualTo(SAMPLE_TITLE);
        JsonNode subscribers = s.get("subscribers");
        long total = count("select count(*) from impact where incident_id = ?");
        assertThat(total).isEqualTo(20_000);
        assertThat(subscribers.get("total").asLong()).isEqualTo(total);
        for (String status : new String[] {"LOST", "DEVICE_ONLY", "RECOVERED", "UNKNOWN"}) {
            assertThat(subscribers.get("byStatus").get(status).asLong()).as(status).isEqualTo(
                    count("select count(*) from impact where incident_id = ? and status = '" + status + "'"));
        }
        long contacted = count("select count(*) from impact where incident_id = ? and last_contacted_at is not null");
        assertThat(subscribers.get("contacted").asLong()).isEqualTo(contacted);
        assertThat(subscribers.get("contactedPercent").decimalValue())
                .isEqualByComparingTo(ImpactSummaryService.percent(contacted, total));
        JsonNode lastDay = subscribers.get("byDay").get(subscribers.get("byDay").size() - 1);
        for (String status : new String[] {"LOST", "DEVICE_ONLY", "RECOVERED", "UNKNOWN"}) {
            assertThat(lastDay.get("byStatus").get(status).asLong()).as("history ends where the counts are")
                    .isEqualTo(subscribers.get("byStatus").get(status).asLong());
        }
        long inRegions = 0;
        for (var region : subscribers.get("byRegion").properties()) {
            inRegions += region.getValue().asLong();
        }
        assertThat(inRegions).isEqualTo(total);
        assertThat(subscribers.get("byRegion").size()).isGreaterThan(1);
        assertThat(subscribers.get("bySku").get("SK-LX09-CARBLA").asLong()).isEqualTo(count(
                "select count(*) from impact i join subscriber s on s.id = i.subscriber_id"
                        + " where i.incident_id = ? and s.sku_code = 'SK-LX09-CARBLA'"));
        assertThat(subscribers.get("byCategory").get("PHOTOS").asLong())
                .isEqualTo(count("select count(*) from impact where incident_id = ? and cat_photos = true"));

        JsonNode credits = s.get("credits");
        assertThat(credits.get("issued").get("count").asLong()).isEqualTo(count(
                "select count(*) from credit where incident_id = ? and entry_type = 'CREDIT'"
                        + " and status in ('ISSUED','REVERSED')"));
        assertThat(credits.get("issued").get("amount").get("amount").decimalValue()).isEqualByComparingTo(sum(
                "select sum(amount) from credit where incident_id = ? and entry_type = 'CREDIT'"
                        + " and status in ('ISSUED','REVERSED')"));
        assertThat(credits.get("pending").get("count").asLong()).isEqualTo(count(
                "select count(*) from credit where incident_id = ? and status = 'PENDING_APPROVAL'"));
        assertThat(credits.get("reversed").get("count").asLong()).isEqualTo(count(
                "select count(*) from credit where incident_id = ? and entry_type = 'REVERSAL'"));
        BigDecimal net = sum("select sum(amount) from credit where incident_id = ? and entry_type = 'CREDIT'"
                + " and status in ('ISSUED','REVERSED')")
                .subtract(sum("select sum(abs(amount)) from credit where incident_id = ? and entry_type = 'REVERSAL'"));
        assertThat(credits.get("totalCost").get("amount").decimalValue()).isEqualByComparingTo(net);

        JsonNode holdFigures = s.get("holds");
        // counted in SQL, not by the hold service the summary calls
        assertThat(holdFigures.get("active").asLong()).isEqualTo(count("select count(*) from sales_hold"
                + " where incident_id = ? and lifted_at is null and effective_from <= current_timestamp"
                + " and (effective_until is null or effective_until > current_timestamp)"));
        assertThat(holdFigures.get("acknowledged").asLong() + holdFigures.get("overdue").asLong())
                .isLessThanOrEqualTo(holdFigures.get("storesOnHold").asLong());
        long storesByRegion = 0;
        for (JsonNode region : holdFigures.get("byRegion")) {
            storesByRegion += region.get("stores").asLong();
        }
        assertThat(storesByRegion).isEqualTo(holdFigures.get("storesOnHold").asLong());
        assertThat(s.get("violations").asLong())
                .isEqualTo(count("select count(*) from sale_violation where incident_id = ?"));

        assertThat(s.get("secondsToDetect").asLong()).isEqualTo(sample.timeToDetect().toSeconds());
        if (sample.timeToResolve() == null) {
            assertThat(s.get("secondsToResolve").isNull()).isTrue();
        } else {
            assertThat(s.get("secondsToResolve").asLong()).isEqualTo(sample.timeToResolve().toSeconds());
        }
        assertThat(s.get("secondsSinceStart").asLong()).isPositive();
        assertThat(s.get("asOf").asString()).isNotBlank();
    }

    @Test
    void a_fresh_incidents_hold_figures_count_its_own_stores_and_acknowledgements() {
        long incident = SystemActor.call(() -> incidents.create(new NewIncident("Hold summary test "
                + UUID.randomUUID(), "test", Severity.SEV3, List.of("test"), "America/Los_Angeles",
                Instant.now().minus(Duration.ofHours(3))))).getId();
        Api manager = Api.as(port, "manager");
        Api.Response placed = manager.post("/api/holds", """
                {"incidentId": %d, "skus": ["BB8900-TIT"], "channels": ["RETAIL", "DEALER"],
                 "stores": ["D-NY-UWS-01", "C-WA-SEA-01"], "reason": "Summary test hold"}""".formatted(incident));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        long hold = placed.json().get("id").asLong();
        try {
            assertThat(Api.as(port, "store").post("/api/holds/" + hold + "/acknowledgements", null).status())
                    .isEqualTo(200);
            JsonNode h = Api.as(port, "exec").get("/api/incidents/" + incident + "/summary").json().get("holds");
            assertThat(h.get("active").asLong()).isEqualTo(1);
            assertThat(h.get("storesOnHold").asLong()).isEqualTo(2);
            assertThat(h.get("acknowledged").asLong()).isEqualTo(1);
            assertThat(h.get("overdue").asLong()).isZero();
            assertThat(h.get("compliancePercent").asInt()).isEqualTo(50);
            List<String> regions = new ArrayList<>();
            for (JsonNode r : h.get("byRegion")) {
                regions.add(r.get("region").asString() + " " + r.get("stores").asLong() + " "
                        + r.get("acknowledged").asLong() + " " + r.get("pending").asLong() + " "
                        + r.get("overdue").asLong());
            }
            assertThat(regions).containsExactlyInAnyOrder("New York Metro 1 1 0 0", "Pacific Northwest 1 0 1 0");
        } finally {
            manager.post("/api/holds/" + hold + "/lift", "{\"reason\": \"summary test over\"}");
        }
        JsonNode after = Api.as(port, "exec").get("/api/incidents/" + incident + "/summary").json().get("holds");
        assertThat(after.get("active").asLong()).as("lifted").isZero();
    }

    @Test
    void a_fresh_incidents_figures_follow_what_agents_and_managers_did() {
        long incident = SystemActor.call(() -> incidents.create(new NewIncident("Summary test " + UUID.randomUUID(),
                "test", Severity.SEV3, List.of("test"), "America/Los_Angeles",
                Instant.now().minus(Duration.ofHours(3))))).getId();
        String lost = msisdn();
        String deviceOnly = msisdn();
        String seattle = msisdn();
        String csv = "msisdn,account,name,sku,store,data_plan,status,categories,last_sync\n"
                + line(lost, "D-NY-UWS-01", "LOST") + line(deviceOnly, "D-NY-UWS-02", "DEVICE_ONLY")
                + line(seattle, "C-WA-SEA-01", "LOST");
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        ImportResult imported = SystemActor.call(() -> impacts.importCsv(incident, new ByteArrayInputStream(bytes),
                bytes.length, "summary-test.csv", ImportMode.ALL_OR_NOTHING));
        assertThat(imported.applied()).as(imported.errors().toString()).isTrue();
        SystemActor.run(() -> impacts.logContact(incident, deviceOnly, "told not to reset the phone"));

        Api agent = Api.as(port, "agent");
        assertThat(agent.post("/api/credits", credit(lost, incident, "GOODWILL", "20.00")).status()).isEqualTo(201);
        Api.Response pending = agent.post("/api/credits", credit(lost, incident, "GOODWILL", "26.00"));
        assertThat(pending.json().get("status").asString()).isEqualTo("PENDING_APPROVAL");
        long month = agent.post("/api/credits", credit(seattle, incident, "DATA_SERVICE_MONTH", "15.00")).json()
                .get("id").asLong();
        assertThat(Api.as(port, "manager").post("/api/credits/" + month + "/reverse", "{\"reason\":\"duplicate\"}")
                .status()).isEqualTo(201);

        assertThat(agent.patch("/api/incidents/" + incident + "/impacts/" + seattle,
                "{\"status\":\"RECOVERED\",\"reason\":\"restored from backup\"}").status()).isEqualTo(200);

        JsonNode s = Api.as(port, "exec").get("/api/incidents/" + incident + "/summary").json();
        JsonNode subscribers = s.get("subscribers");
        assertThat(subscribers.get("total").asLong()).isEqualTo(3);
        assertThat(subscribers.get("byStatus").get("LOST").asLong()).isEqualTo(1);
        assertThat(subscribers.get("byStatus").get("DEVICE_ONLY").asLong()).isEqualTo(1);
        assertThat(subscribers.get("byStatus").get("RECOVERED").asLong()).isEqualTo(1);
        JsonNode today = subscribers.get("byDay").get(subscribers.get("byDay").size() - 1);
        assertThat(today.get("day").asString())
                .isEqualTo(LocalDate.now(ZoneId.of("America/Los_Angeles")).toString());
        assertThat(today.get("byStatus").get("LOST").asLong()).as("the import's LOST, less the one recovered")
                .isEqualTo(1);
        assertThat(today.get("byStatus").get("RECOVERED").asLong()).isEqualTo(1);
        assertThat(subscribers.get("contacted").asLong()).isEqualTo(1);
        assertThat(subscribers.get("contactedPercent").decimalValue()).isEqualByComparingTo("33.3");
        assertThat(subscribers.get("byRegion").get("New York Metro").asLong()).isEqualTo(2);
        assertThat(subscribers.get("byRegion").size()).isEqualTo(2);

        JsonNode credits = s.get("credits");
        assertThat(credits.get("issued").get("count").asLong()).isEqualTo(2);
        assertThat(credits.get("issued").get("amount").get("amount").decimalValue()).isEqualByComparingTo("35.00");
        assertThat(credits.get("pending").get("count").asLong()).isEqualTo(1);
        assertThat(credits.get("pending").get("amount").get("amount").decimalValue()).isEqualByComparingTo("26.00");
        assertThat(credits.get("reversed").get("count").asLong()).isEqualTo(1);
        assertThat(credits.get("reversed").get("amount").get("amount").decimalValue()).isEqualByComparingTo("15.00");
        assertThat(credits.get("totalCost").get("amount").decimalValue()).isEqualByComparingTo("20.00");
        JsonNode goodwill = credits.get("byReason").get(0);
        assertThat(goodwill.get("code").asString()).isEqualTo("GOODWILL");
        assertThat(goodwill.get("issued").get("amount").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(goodwill.get("pending").get("amount").decimalValue()).isEqualByComparingTo("26.00");

        assertThat(s.get("holds").get("active").asLong()).isZero();
        assertThat(s.get("holds").get("compliancePercent").asInt()).isEqualTo(100);
        assertThat(s.get("violations").asLong()).isZero();
        assertThat(s.get("secondsToDetect").isNull()).isTrue();
        assertThat(s.get("secondsSinceStart").asLong()).isBetween(3 * 3600L, 3 * 3600L + 600);
    }

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000L * 100 + 3);

    private static String msisdn() {
        return "+17" + String.format("%09d", NEXT.incrementAndGet() % 1_000_000_000L);
    }

    private static String line(String msisdn, String store, String status) {
        String tail = msisdn.substring(msisdn.length() - 6);
        return msisdn + ",ACC-S" + tail + ",Summary Person " + tail + ",SK-LX09-CARBLA," + store + ",true," + status
                + ",PHOTOS,2009-10-01T14:22:05-07:00\n";
    }

    private static String credit(String msisdn, long incidentId, String reason, String amount) {
        return "{\"msisdn\":\"" + msisdn + "\",\"incidentId\":" + incidentId + ",\"reasonCode\":\"" + reason
                + "\",\"amount\":" + amount + ",\"note\":\"test\"}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"agent", "store", "till"})
    void agents_store_managers_and_tills_cannot_read_the_summary(String user) {
        Api.Response response = Api.as(port, user).get("/api/incidents/" + sample.getId() + "/summary");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("byStatus");
    }

    @Test
    void an_unknown_incident_is_not_found() {
        assertThat(Api.as(port, "exec").get("/api/incidents/987654321/summary").status()).isEqualTo(404);
    }
}
