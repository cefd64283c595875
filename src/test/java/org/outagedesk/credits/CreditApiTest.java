package org.outagedesk.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.credits.CreditTestSupport.credit;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.outagedesk.Waits;
import org.outagedesk.base.Money;
import org.outagedesk.credits.CreditTestSupport.Sub;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.incident.IncidentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class CreditApiTest {

    @LocalServerPort
    int port;
    @Autowired
    IncidentService incidents;
    @Autowired
    ImpactService impacts;
    @Autowired
    JdbcTemplate jdbc;

    long incident;
    Sub lost;
    Sub other;

    @BeforeEach
    void subscribers() {
        incident = CreditTestSupport.newIncident(incidents);
        lost = Sub.of(true, "LOST", "PHOTOS;CONTACTS");
        other = Sub.of(true, "DEVICE_ONLY", "CONTACTS");
        CreditTestSupport.importSubscribers(impacts, incident, List.of(lost, other));
    }

    private Api.Response issue(String user, String body) {
        return Api.as(port, user).post("/api/credits", body);
    }

    private Api.Response issue(String user, String key, String body) {
        Api api = Api.as(port, user);
        return api.send(api.request("/api/credits").header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void agent_credits_twenty_dollars_and_above_the_limit_waits_for_a_manager_who_did_not_ask() {
        Api.Response twenty = issue("agent", credit(lost.msisdn(), incident, "GOODWILL", "20.00"));
        assertThat(twenty.status()).isEqualTo(201);
        assertThat(twenty.json().get("status").asString()).isEqualTo("ISSUED");
        assertThat(twenty.json().get("amount").get("amount").decimalValue()).isEqualByComparingTo("20.00");

        Api.Response twentySix = issue("agent", credit(lost.msisdn(), incident, "GOODWILL", "26.00"));
        assertThat(twentySix.status()).isEqualTo(201);
        assertThat(twentySix.json().get("status").asString()).isEqualTo("PENDING_APPROVAL");
        long id = twentySix.json().get("id").asLong();

        assertThat(Api.as(port, "agent").post("/api/credits/" + id + "/approve", null).status()).isEqualTo(403);
        JsonNode pending = Api.as(port, "manager").get("/api/credits?status=PENDING_APPROVAL&incidentId=" + incident)
                .json();
        assertThat(pending.get("content")).hasSize(1);
        assertThat(pending.get("content").get(0).get("id").asLong()).isEqualTo(id);

        Api.Response approved = Api.as(port, "manager").post("/api/credits/" + id + "/approve", null);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("ISSUED");
        assertThat(approved.json().get("decidedBy").asString()).isEqualTo("manager");
        assertThat(Api.as(port, "manager2").post("/api/credits/" + id + "/approve", null).status())
                .as("an approved credit is not approved twice").isEqualTo(409);
    }

    @Test
    void a_manager_never_approves_a_credit_they_asked_for() {
        Credit own = Credit.request(incident, 1, "GOODWILL", Money.usd("200.00"), null, false,
                "manager", Instant.now());
        Assertions.assertThatThrownBy(() -> own.approve("manager", Instant.now()))
                .hasMessageContaining("another incident manager");
        Assertions.assertThatThrownBy(() -> own.reject("manager", "no", Instant.now()))
                .hasMessageContaining("another incident manager");
    }

    @Test
    void rejecting_needs_a_reason_and_frees_the_room_under_the_cap() {
        long id = issue("agent", credit(lost.msisdn(), incident, "GOODWILL", "140.00")).json().get("id").asLong();
        Api.Response refused = issue("manager", credit(lost.msisdn(), incident, "GOODWILL", "20.00"));
        assertThat(refused.status()).as("the pending 140 already counts against the cap").isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("$10.00 of room left");

        Api.Response noReason = Api.as(port, "manager").post("/api/credits/" + id + "/reject", "{\"reason\":\" \"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("fields").get("reason").asString()).contains("Say why");

        Api.Response rejected = Api.as(port, "manager").post("/api/credits/" + id + "/reject",
                "{\"reason\":\"Goodwill tops out at $25 for this case\"}");
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("decisionReason").asString()).contains("$25");
        assertThat(issue("manager", credit(lost.msisdn(), incident, "GOODWILL", "20.00")).status()).isEqualTo(201);
    }

    @Test
    void the_cap_per_subscriber_is_never_passed_and_the_refusal_says_the_room_left() {
        assertThat(issue("manager", credit(lost.msisdn(), incident, "PERMANENT_LOSS", "100.00")).status())
                .isEqualTo(201);
        assertThat(issue("manager", credit(lost.msisdn(), incident, "GOODWILL", "40.00")).status()).isEqualTo(201);
        Api.Response refused = issue("agent", credit(lost.msisdn(), incident, "GOODWILL", "10.01"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("$150.00").contains("$10.00 of room left");
        assertThat(issue("agent", credit(lost.msisdn(), incident, "GOODWILL", "10.00")).status()).isEqualTo(201);
        JsonNode list = Api.as(port, "agent").get("/api/subscribers/" + lost.msisdn() + "/credits").json().get("credits");
        assertThat(list).hasSize(3);
    }

    @Test
    void concurrent_credits_to_one_subscriber_never_pass_the_cap_together() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            calls.add(() -> issue("manager", credit(other.msisdn(), incident, "GOODWILL", "20.00")).status());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses.stream().filter(s -> s == 201).count()).as("7 x $20 fit under $150").isEqualTo(7);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(3);
    }

    @Test
    void amounts_are_dollars_and_cents_with_a_known_reason_code() {
        Api.Response cents = issue("agent", credit(lost.msisdn(), incident, "GOODWILL", "1.005"));
        assertThat(cents.status()).isEqualTo(400);
        assertThat(cents.json().get("fields").get("amount").asString()).contains("two decimals");
        Api.Response reason = issue("agent", credit(lost.msisdn(), incident, "FREE_PHONE", "5.00"));
        assertThat(reason.json().get("fields").get("reasonCode").asString()).contains("CONTRACT_RELEASE");
        assertThat(issue("agent", credit(lost.msisdn(), incident, "GOODWILL", "0.00")).status()).isEqualTo(400);
        Api.Response release = issue("agent", credit(lost.msisdn(), incident, "CONTRACT_RELEASE", "0.00"));
        assertThat(release.status()).as("a contract release may be $0").isEqualTo(201);
        Api.Response stranger = issue("agent", credit("+15550000001", incident, "GOODWILL", "5.00"));
        assertThat(stranger.json().get("fields").get("msisdn").asString()).contains("not an affected subscriber");
        assertThat(issue("manager", credit(lost.msisdn(), incident, "GOODWILL", "150.01")).status()).isEqualTo(400);
    }

    @Test
    void a_reversal_adds_a_compensating_entry_and_shows_in_the_totals() {
        long id = issue("agent", credit(lost.msisdn(), incident, "DATA_SERVICE_MONTH", "20.00")).json().get("id")
                .asLong();
        assertThat(Api.as(port, "agent").post("/api/credits/" + id + "/reverse", "{\"reason\":\"x\"}").status())
                .isEqualTo(403);
        Api.Response reversal = Api.as(port, "manager").post("/api/credits/" + id + "/reverse",
                "{\"reason\":\"Issued to the wrong line\"}");
        assertThat(reversal.status()).isEqualTo(201);
        assertThat(reversal.json().get("entryType").asString()).isEqualTo("REVERSAL");
        assertThat(reversal.json().get("amount").get("amount").decimalValue()).isEqualByComparingTo("-20.00");
        assertThat(reversal.json().get("reversesId").asLong()).isEqualTo(id);
        assertThat(Api.as(port, "manager").post("/api/credits/" + id + "/reverse", "{\"reason\":\"again\"}")
                .status()).isEqualTo(409);

        JsonNode list = Api.as(port, "agent").get("/api/subscribers/" + lost.msisdn() + "/credits?incidentId="
                + incident).json().get("credits");
        assertThat(list).hasSize(2);
        JsonNode summary = Api.as(port, "exec").get("/api/incidents/" + incident + "/credits/summary").json();
        assertThat(summary.get("issued").get("amount").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(summary.get("reversed").get("amount").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(summary.get("net").get("amount").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(summary.get("lines")).hasSize(2);
    }

    @Test
    void the_same_idempotency_key_returns_the_first_credit_and_refuses_another_request() {
        String key = UUID.randomUUID().toString();
        Api.Response first = issue("agent", key, credit(lost.msisdn(), incident, "GOODWILL", "15.00"));
        Api.Response again = issue("agent", key, credit(lost.msisdn(), incident, "GOODWILL", "15.0"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.raw().headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());

        Api.Response different = issue("agent", key, credit(lost.msisdn(), incident, "GOODWILL", "16.00"));
        assertThat(different.status()).isEqualTo(409);
        assertThat(different.json().get("detail").asString()).contains("already used for a different");
        assertThat(Api.as(port, "agent").get("/api/subscribers/" + lost.msisdn() + "/credits").json().get("credits")).hasSize(1);
    }

    @Test
    void fifty_concurrent_requests_with_one_key_pay_exactly_once() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = credit(other.msisdn(), incident, "GOODWILL", "5.00");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Callable<Api.Response>> calls = new ArrayList<>();
        for (int k = 0; k < 50; k++) {
            calls.add(() -> issue("agent", key, body));
        }
        Set<Long> ids = new HashSet<>();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Api.Response> f : pool.invokeAll(calls)) {
            statuses.add(f.get().status());
            ids.add(f.get().json().get("id").asLong());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200, 201);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(ids).hasSize(1);
        JsonNode list = Api.as(port, "agent").get("/api/subscribers/" + other.msisdn() + "/credits").json().get("credits");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("amount").get("amount").decimalValue()).isEqualByComparingTo("5.00");
    }

    @Test
    void store_managers_tills_and_executives_cannot_issue_credits() {
        for (String user : List.of("store", "till", "exec")) {
            assertThat(issue(user, credit(lost.msisdn(), incident, "GOODWILL", "5.00")).status()).as(user)
                    .isEqualTo(403);
        }
        assertThat(Api.as(port, "agent").get("/api/subscribers/" + lost.msisdn() + "/credits").json().get("credits")).isEmpty();
    }

    @Test
    void each_role_reads_exactly_what_it_should() {
        String list = "/api/credits?status=ISSUED";
        String summary = "/api/incidents/" + incident + "/credits/summary";
        String ofSubscriber = "/api/subscribers/" + lost.msisdn() + "/credits";
        for (String user : List.of("manager", "exec")) {
            assertThat(Api.as(port, user).get(list).status()).as(user).isEqualTo(200);
            assertThat(Api.as(port, user).get(summary).status()).as(user).isEqualTo(200);
            assertThat(Api.as(port, user).get(ofSubscriber).status()).as(user).isEqualTo(200);
        }
        assertThat(Api.as(port, "agent").get(ofSubscriber).status()).isEqualTo(200);
        assertThat(Api.as(port, "agent").get(list).status()).isEqualTo(403);
        assertThat(Api.as(port, "agent").get(summary).status()).isEqualTo(403);
        for (String user : List.of("store", "till")) {
            assertThat(Api.as(port, user).get(list).status()).as(user).isEqualTo(403);
            assertThat(Api.as(port, user).get(summary).status()).as(user).isEqualTo(403);
            assertThat(Api.as(port, user).get(ofSubscriber).status()).as(user).isEqualTo(403);
        }
        assertThat(Api.anonymous(port).get(list).status()).isEqualTo(401);
    }

    @Test
    void one_credit_is_read_by_id_by_those_who_read_credits() {
        long id = issue("agent", credit(lost.msisdn(), incident, "GOODWILL", "12.34")).json().get("id").asLong();
        for (String user : List.of("agent", "manager", "exec")) {
            Api.Response one = Api.as(port, user).get("/api/credits/" + id);
            assertThat(one.status()).as(user).isEqualTo(200);
            assertThat(one.json().get("id").asLong()).isEqualTo(id);
            assertThat(one.json().get("msisdn").asString()).isEqualTo(lost.msisdn());
            assertThat(one.json().get("incidentId").asLong()).isEqualTo(incident);
            assertThat(one.json().get("reasonCode").asString()).isEqualTo("GOODWILL");
            assertThat(one.body()).contains("12.34");
            assertThat(one.json().get("requestedBy").asString()).isEqualTo("agent");
        }
        for (String user : List.of("store", "till")) {
            assertThat(Api.as(port, user).get("/api/credits/" + id).status()).as(user).isEqualTo(403);
        }
        assertThat(Api.as(port, "manager").get("/api/credits/999999999").status()).isEqualTo(404);
    }

    @Test
    void the_reason_codes_are_listed_in_their_order_for_those_who_issue_or_read_credits() {
        for (String user : List.of("agent", "manager", "exec")) {
            Api.Response reasons = Api.as(port, user).get("/api/credit-reasons");
            assertThat(reasons.status()).as(user).isEqualTo(200);
            assertThat(reasons.json().findValues("code").stream().map(JsonNode::asString)).containsExactly(
                    "DATA_SERVICE_MONTH", "PERMANENT_LOSS", "GOODWILL", "DEVICE_DISCOUNT", "CONTRACT_RELEASE");
            assertThat(reasons.json().get(4).get("allowsZero").asBoolean()).isTrue();
            assertThat(reasons.json().get(0).get("allowsZero").asBoolean()).isFalse();
            assertThat(reasons.json().get(0).get("label").asString()).isEqualTo("One month of data service");
        }
        for (String user : List.of("store", "till")) {
            assertThat(Api.as(port, user).get("/api/credit-reasons").status()).as(user).isEqualTo(403);
        }
    }

    @Test
    void a_running_campaign_and_single_credits_on_one_subscriber_never_pass_the_cap_together() throws Exception {
        Api.Response created = Api.as(port, "manager").post("/api/campaigns", "{\"incidentId\":" + incident
                + ",\"name\":\"Race\",\"tiers\":[{\"name\":\"Loss\",\"rules\":{\"statuses\":[\"LOST\"]},"
                + "\"reasonCode\":\"PERMANENT_LOSS\",\"amount\":100.00}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long campaign = created.json().get("id").asLong();
        assertThat(Api.as(port, "manager").post("/api/campaigns/" + campaign + "/submit", null).status())
                .isEqualTo(200);
        ExecutorService pool = Executors.newFixedThreadPool(9);
        List<Callable<Integer>> calls = new ArrayList<>();
        calls.add(() -> Api.as(port, "manager2").post("/api/campaigns/" + campaign + "/approve", null).status());
        for (int k = 0; k < 8; k++) {
            calls.add(() -> issue("manager", credit(lost.msisdn(), incident, "GOODWILL", "20.00")).status());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses.get(0)).as("approved").isEqualTo(200);
        Waits.waitUpTo(Duration.ofSeconds(120), Duration.ofMillis(50), "the campaign completes")
                .until(() -> Api.as(port, "exec").get("/api/campaigns/" + campaign).json().get("status").asString()
                        .equals("COMPLETED"));
        BigDecimal net = jdbc.queryForObject("select sum(c.amount) from credit c join subscriber s"
                + " on s.id = c.subscriber_id where s.msisdn = ? and c.incident_id = ? and c.status = 'ISSUED'",
                BigDecimal.class, lost.msisdn(), incident);
        // $100 first: 2 x $20 fit after it (140); three or more $20 first: the campaign pays what is left (150)
        assertThat(net).isBetween(new BigDecimal("140.00"), new BigDecimal("150.00"));
        long singles = statuses.subList(1, statuses.size()).stream().filter(s -> s == 201).count();
        assertThat(singles).isBetween(2L, 7L);
        assertThat(statuses.subList(1, statuses.size())).containsOnly(201, 409);
    }
}
