package org.outagedesk.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outagedesk.Waits.waitUpTo;
import static org.outagedesk.credits.CreditTestSupport.credit;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.outagedesk.TestDatabase;
import org.outagedesk.base.SystemActor;
import org.outagedesk.credits.CreditTestSupport.Sub;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.ResponseActionTaken;
import org.outagedesk.incident.SampleIncident;
import org.outagedesk.incident.TimelineEntryType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

@IntegrationTest
@RecordApplicationEvents
class CampaignApiTest {

    static final String TIERS = "[{\"name\":\"Month of data\",\"rules\":{\"statuses\":[\"UNKNOWN\",\"DEVICE_ONLY\","
            + "\"LOST\",\"RECOVERED\"],\"dataPlan\":true},\"reasonCode\":\"DATA_SERVICE_MONTH\",\"amount\":20.00},"
            + "{\"name\":\"Permanent loss\",\"rules\":{\"statuses\":[\"LOST\"],\"categories\":[\"PHOTOS\",\"CONTACTS\"]},"
            + "\"reasonCode\":\"PERMANENT_LOSS\",\"amount\":100.00}]";

    @LocalServerPort
    int port;
    @Autowired
    IncidentService incidents;
    @Autowired
    ImpactService impacts;
    @Autowired
    CampaignService campaigns;
    @Autowired
    JdbcTemplate jdbc;

    long incident;
    Sub lostPhotos;
    Sub deviceOnly;
    Sub lostNoPlan;
    Sub notAffected;
    Sub alreadyCredited;
    Sub recovered;

    @BeforeEach
    void subscribers() {
        incident = CreditTestSupport.newIncident(incidents);
        lostPhotos = Sub.of(true, "LOST", "PHOTOS");
        deviceOnly = Sub.of(true, "DEVICE_ONLY", "CONTACTS");
        lostNoPlan = Sub.of(false, "LOST", "CONTACTS");
        notAffected = Sub.of(true, "NOT_AFFECTED", "");
        alreadyCredited = Sub.of(true, "LOST", "PHOTOS;EMAIL");
        recovered = Sub.of(true, "RECOVERED", "");
        CreditTestSupport.importSubscribers(impacts, incident,
                List.of(lostPhotos, deviceOnly, lostNoPlan, notAffected, alreadyCredited, recovered));
        assertThat(Api.as(port, "manager").post("/api/credits", credit(alreadyCredited.msisdn(), incident, "GOODWILL",
                "50.00")).status()).isEqualTo(201);
    }

    private long create(String user) {
        Api.Response r = Api.as(port, user).post("/api/campaigns", "{\"incidentId\":" + incident
                + ",\"name\":\"Test campaign\",\"tiers\":" + TIERS + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private JsonNode waitFor(long id, String status) {
        return waitUpTo(Duration.ofSeconds(120), Duration.ofMillis(200), "campaign " + id + " reaches " + status)
                .until(() -> Api.as(port, "exec").get("/api/campaigns/" + id).json(),
                        c -> c.get("status").asString().equals(status));
    }

    private JsonNode summary() {
        return Api.as(port, "exec").get("/api/incidents/" + incident + "/credits/summary").json();
    }

    private static BigDecimal money(JsonNode node) {
        return node.get("amount").decimalValue();
    }

    private BigDecimal netOf(Sub sub) {
        return Api.as(port, "agent").get("/api/subscribers/" + sub.msisdn() + "/credits?incidentId=" + incident).json()
                .get("credits").valueStream().filter(c -> !c.get("status").asString().equals("REJECTED"))
                .map(c -> money(c.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void a_campaign_dry_runs_is_approved_by_a_second_manager_runs_once_tops_up_and_reverses() {
        long id = create("manager");

        JsonNode dry = Api.as(port, "manager").post("/api/campaigns/" + id + "/dry-run", null).json();
        assertThat(dry.get("tiers").get(0).get("subscribers").asLong()).isEqualTo(4);
        assertThat(money(dry.get("tiers").get(0).get("total"))).isEqualByComparingTo("80.00");
        assertThat(dry.get("tiers").get(1).get("subscribers").asLong()).isEqualTo(3);
        assertThat(money(dry.get("tiers").get(1).get("total"))).as("100 + 100 + 80 (capped)")
                .isEqualByComparingTo("280.00");
        assertThat(dry.get("tiers").get(1).get("capped").asLong()).isEqualTo(1);
        assertThat(dry.get("subscribers").asLong()).isEqualTo(5);
        assertThat(dry.get("cappedSubscribers").asLong()).isEqualTo(1);
        assertThat(money(dry.get("grandTotal"))).isEqualByComparingTo("360.00");
        assertThat(money(summary().get("net"))).as("a dry run writes nothing").isEqualByComparingTo("50.00");

        assertThat(Api.as(port, "manager2").post("/api/campaigns/" + id + "/approve", null).status())
                .as("a draft is submitted first").isEqualTo(409);
        assertThat(Api.as(port, "manager").post("/api/campaigns/" + id + "/submit", null).status()).isEqualTo(200);
        Api.Response own = Api.as(port, "manager").post("/api/campaigns/" + id + "/approve", null);
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.json().get("detail").asString()).contains("second incident manager");
        assertThat(Api.as(port, "exec").post("/api/campaigns/" + id + "/approve", null).status()).isEqualTo(403);
        assertThat(Api.as(port, "manager2").post("/api/campaigns/" + id + "/approve", null).status()).isEqualTo(200);

        JsonNode done = waitFor(id, "COMPLETED");
        assertThat(done.get("approvedBy").asString()).isEqualTo("manager2");
        assertThat(done.get("progress").get("percent").asInt()).isEqualTo(100);
        assertThat(done.get("progress").get("processed").asLong()).isEqualTo(6);
        assertThat(money(done.get("credited"))).isEqualByComparingTo("360.00");
        assertThat(money(summary().get("net"))).isEqualByComparingTo("410.00");
        assertThat(netOf(lostPhotos)).isEqualByComparingTo("120.00");
        assertThat(netOf(alreadyCredited)).as("never above the cap").isEqualByComparingTo("150.00");
        assertThat(netOf(notAffected)).isEqualByComparingTo("0");

        // as if the application had stopped before recording its progress: running again pays nothing more
        jdbc.update("update campaign set status = 'RUNNING', job_cursor = 0, job_processed = 0 where id = ?", id);
        assertThat(Api.as(port, "manager").post("/api/campaigns/" + id + "/resume", null).status()).isEqualTo(200);
        waitFor(id, "COMPLETED");
        assertThat(money(summary().get("net"))).isEqualByComparingTo("410.00");

        JsonNode lower = Api.as(port, "manager").post("/api/campaigns/" + id + "/tiers/1/top-up",
                "{\"amount\":15.00}").json();
        assertThat(lower.get("status").asInt()).isEqualTo(400);
        assertThat(Api.as(port, "manager").post("/api/campaigns/" + id + "/tiers/1/top-up", "{\"amount\":25.00}")
                .status()).isEqualTo(200);
        JsonNode topped = waitFor(id, "COMPLETED");
        assertThat(topped.get("tiers").get(0).get("amount").get("amount").decimalValue())
                .isEqualByComparingTo("25.00");
        assertThat(netOf(lostPhotos)).as("$5 more").isEqualByComparingTo("125.00");
        assertThat(netOf(deviceOnly)).isEqualByComparingTo("25.00");
        assertThat(netOf(recovered)).isEqualByComparingTo("25.00");
        assertThat(netOf(lostNoPlan)).as("not credited by tier 1, so no top-up").isEqualByComparingTo("100.00");
        assertThat(netOf(alreadyCredited)).as("no room left").isEqualByComparingTo("150.00");
        assertThat(money(summary().get("net"))).isEqualByComparingTo("425.00");
        // the top-up stopped before recording its progress: running it again pays no difference twice
        jdbc.update("update campaign set status = 'RUNNING', job_cursor = 0, job_processed = 0 where id = ?", id);
        assertThat(Api.as(port, "manager").post("/api/campaigns/" + id + "/resume", null).status()).isEqualTo(200);
        waitFor(id, "COMPLETED");
        assertThat(netOf(lostPhotos)).isEqualByComparingTo("125.00");
        assertThat(money(summary().get("net"))).isEqualByComparingTo("425.00");

        Api.Response noReason = Api.as(port, "manager").post("/api/campaigns/" + id + "/reverse", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(Api.as(port, "manager").post("/api/campaigns/" + id + "/reverse",
                "{\"reason\":\"Paid on the wrong incident\"}").status()).isEqualTo(200);
        JsonNode reversed = waitFor(id, "REVERSED");
        assertThat(money(reversed.get("reversed"))).isEqualByComparingTo("375.00");
        JsonNode totals = summary();
        assertThat(money(totals.get("issued"))).isEqualByComparingTo("425.00");
        assertThat(money(totals.get("reversed"))).isEqualByComparingTo("375.00");
        assertThat(money(totals.get("net"))).as("only the single $50 credit stands").isEqualByComparingTo("50.00");
        assertThat(netOf(lostPhotos)).isEqualByComparingTo("0");
        // the reversal stopped before recording its progress: running it again reverses nothing twice
        jdbc.update("update campaign set status = 'REVERSING', job_cursor = 0, job_processed = 0 where id = ?", id);
        assertThat(Api.as(port, "manager").post("/api/campaigns/" + id + "/resume", null).status()).isEqualTo(200);
        waitFor(id, "REVERSED");
        assertThat(money(summary().get("reversed"))).isEqualByComparingTo("375.00");
        assertThat(money(summary().get("net"))).isEqualByComparingTo("50.00");
        assertThat(jdbc.queryForObject("select count(*) from credit where campaign_id = ? and entry_type = 'REVERSAL'",
                Long.class, id)).as("one reversal per credit: 4 + 3 in the first run, 3 top-ups").isEqualTo(10);
    }

    @Test
    void the_database_refuses_to_credit_a_subscriber_twice_in_one_tier() {
        long id = create("manager");
        Api.as(port, "manager").post("/api/campaigns/" + id + "/submit", null);
        Api.as(port, "manager2").post("/api/campaigns/" + id + "/approve", null);
        waitFor(id, "COMPLETED");
        Long tier = jdbc.queryForObject("select id from campaign_tier where campaign_id = ? and tier_no = 1",
                Long.class, id);
        Long subscriber = jdbc.queryForObject("select subscriber_id from credit where campaign_tier_id = ?"
                + " fetch first 1 rows only", Long.class, tier);
        String insert = "insert into credit (id, incident_id, subscriber_id, reason_code, amount,"
                + " currency, status, entry_type, requested_by, requested_at, campaign_id, campaign_tier_id,"
                + " tier_round, version) values (" + TestDatabase.nextValue("credit_seq")
                + ", ?, ?, 'DATA_SERVICE_MONTH', 20.00, 'USD',"
                + " 'ISSUED', 'CREDIT', 'x', current_timestamp, ?, ?, ?, 0)";
        // control: the same row in another round is accepted, so the statement itself is sound
        assertThat(jdbc.update(insert, incident, subscriber, id, tier, 7)).isEqualTo(1);
        jdbc.update("delete from credit where campaign_tier_id = ? and tier_round = 7", tier);
        assertThatThrownBy(() -> jdbc.update(insert, incident, subscriber, id, tier, 0))
                .isInstanceOf(DataIntegrityViolationException.class)
                .satisfies(e -> assertThat(e.getMessage().toLowerCase()).contains("credit_tier_subscriber_uk"));
    }

    @Test
    void only_incident_managers_run_campaigns_and_executives_read_them() {
        long id = create("manager");
        for (String user : List.of("agent", "exec", "store", "till")) {
            assertThat(Api.as(port, user).post("/api/campaigns", "{\"incidentId\":" + incident
                    + ",\"name\":\"x\",\"tiers\":" + TIERS + "}").status()).as(user).isEqualTo(403);
            assertThat(Api.as(port, user).post("/api/campaigns/" + id + "/dry-run", null).status()).as(user)
                    .isEqualTo(403);
            assertThat(Api.as(port, user).post("/api/campaigns/" + id + "/submit", null).status()).as(user)
                    .isEqualTo(403);
        }
        Api.as(port, "manager").post("/api/campaigns/" + id + "/submit", null);
        // the controller asks only for a sign-in: the service refuses every role but incident managers
        for (String user : List.of("agent", "exec", "store", "till")) {
            Api api = Api.as(port, user);
            assertThat(api.post("/api/campaigns/" + id + "/approve", null).status()).as(user).isEqualTo(403);
            assertThat(api.post("/api/campaigns/" + id + "/reject", "{\"reason\":\"no\"}").status()).as(user)
                    .isEqualTo(403);
            assertThat(api.post("/api/campaigns/" + id + "/resume", null).status()).as(user).isEqualTo(403);
            assertThat(api.post("/api/campaigns/" + id + "/tiers/1/top-up", "{\"amount\":25.00}").status())
                    .as(user).isEqualTo(403);
            assertThat(api.post("/api/campaigns/" + id + "/reverse", "{\"reason\":\"no\"}").status()).as(user)
                    .isEqualTo(403);
        }
        assertThat(Api.as(port, "exec").get("/api/campaigns/" + id).json().get("status").asString())
                .isEqualTo("SUBMITTED");
        Api.Response rejected = Api.as(port, "manager2").post("/api/campaigns/" + id + "/reject",
                "{\"reason\":\"Wrong tiers\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(money(summary().get("net"))).as("a rejected campaign pays nothing").isEqualByComparingTo("50.00");
        assertThat(Api.as(port, "exec").get("/api/campaigns/" + id).status()).isEqualTo(200);
        assertThat(Api.as(port, "exec").get("/api/campaigns?incidentId=" + incident).json()).hasSize(1);
        for (String user : List.of("agent", "store", "till")) {
            assertThat(Api.as(port, user).get("/api/campaigns/" + id).status()).as(user).isEqualTo(403);
        }
    }

    @Test
    void bad_tiers_are_refused_with_the_field_at_fault() {
        Api.Response noTiers = Api.as(port, "manager").post("/api/campaigns", "{\"incidentId\":" + incident
                + ",\"name\":\"x\",\"tiers\":[]}");
        assertThat(noTiers.status()).isEqualTo(400);
        assertThat(noTiers.json().get("fields").has("tiers")).isTrue();
        Api.Response badStatus = Api.as(port, "manager").post("/api/campaigns", "{\"incidentId\":" + incident
                + ",\"name\":\"x\",\"tiers\":[{\"name\":\"t\",\"rules\":{\"statuses\":[\"GONE\"]},"
                + "\"reasonCode\":\"GOODWILL\",\"amount\":5}]}");
        assertThat(badStatus.json().get("fields").get("tiers[0].rules.statuses").asString()).contains("GONE");
        Api.Response tooMuch = Api.as(port, "manager").post("/api/campaigns", "{\"incidentId\":" + incident
                + ",\"name\":\"x\",\"tiers\":[{\"name\":\"t\",\"reasonCode\":\"GOODWILL\",\"amount\":150.01}]}");
        assertThat(tooMuch.json().get("fields").get("tiers[0].amount").asString()).contains("$150.00");
        Api.Response badSku = Api.as(port, "manager").post("/api/campaigns", "{\"incidentId\":" + incident
                + ",\"name\":\"x\",\"tiers\":[{\"name\":\"t\",\"rules\":{\"skus\":[\"NOPE\"]},"
                + "\"reasonCode\":\"GOODWILL\",\"amount\":5}]}");
        assertThat(badSku.json().get("fields").get("tiers[0].rules.skus").asString()).contains("NOPE");
    }

    @Test
    void approval_puts_a_credit_decision_on_the_incident_timeline(ApplicationEvents events) {
        long id = create("manager");
        Api.as(port, "manager").post("/api/campaigns/" + id + "/submit", null);
        SystemActor.run(() -> campaigns.approve(id));
        assertThat(events.stream(ResponseActionTaken.class))
                .anySatisfy(e -> {
                    assertThat(e.incidentId()).isEqualTo(incident);
                    assertThat(e.type()).isEqualTo(TimelineEntryType.CREDIT_DECISION);
                    assertThat(e.text()).contains("approved by system").contains("Month of data");
                });
        waitFor(id, "COMPLETED");
    }

    @Test
    void the_sample_2009_campaign_waits_for_approval_then_pays_each_subscriber_once() {
        long sampleIncident = SystemActor.call(() -> incidents.findAll()).stream()
                .filter(i -> i.getTitle().equals(SampleIncident.TITLE)).findFirst().orElseThrow().getId();
        JsonNode list = Api.as(port, "manager").get("/api/campaigns?incidentId=" + sampleIncident).json();
        JsonNode sample = list.valueStream().filter(c -> c.get("name").asString().equals(CreditSampleData.CAMPAIGN_NAME))
                .findFirst().orElseThrow();
        long id = sample.get("id").asLong();
        assertThat(sample.get("tiers")).hasSize(2);
        assertThat(sample.get("createdBy").asString()).isEqualTo("manager");
        // the sample campaign is shared by every test: this one only reads it (a dry run writes nothing)
        assertThat(sample.get("status").asString()).isEqualTo("SUBMITTED");
        JsonNode dry = Api.as(port, "manager").post("/api/campaigns/" + id + "/dry-run", null).json();
        assertThat(dry.get("tiers").get(0).get("subscribers").asLong()).isGreaterThan(1000);
        assertThat(dry.get("tiers").get(1).get("subscribers").asLong()).isGreaterThan(100);
        assertThat(money(dry.get("tiers").get(0).get("total"))).isEqualByComparingTo(
                new BigDecimal(dry.get("tiers").get(0).get("subscribers").asLong()).multiply(
                        new BigDecimal("20.00")));
        assertThat(jdbc.queryForObject("select count(*) from credit where campaign_id = ?", Long.class, id))
                .as("nothing paid before a second manager approves").isZero();
        assertThat(Api.as(port, "exec").get("/api/campaigns/" + id).json().get("status").asString())
                .isEqualTo("SUBMITTED");
    }
}
