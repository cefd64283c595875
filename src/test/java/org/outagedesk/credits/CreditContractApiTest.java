package org.outagedesk.credits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.outagedesk.credits.CreditTestSupport.Sub;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.incident.IncidentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The credits contract of the README: money has one shape ({"amount", "currency"} in answers; that object or a bare
 * number in requests), and a subscriber's credits come with the room left under the cap.
 */
@IntegrationTest
class CreditContractApiTest {

    @LocalServerPort
    int port;
    @Autowired
    IncidentService incidents;
    @Autowired
    ImpactService impacts;

    long incident;
    Sub sub;

    @BeforeEach
    void subscriber() {
        incident = CreditTestSupport.newIncident(incidents);
        sub = Sub.of(true, "LOST", "PHOTOS");
        CreditTestSupport.importSubscribers(impacts, incident, List.of(sub));
    }

    private String credit(String amount) {
        return "{\"msisdn\":\"" + sub.msisdn() + "\",\"incidentId\":" + incident
                + ",\"reasonCode\":\"GOODWILL\",\"amount\":" + amount + ",\"note\":\"money shape\"}";
    }

    @Test
    void a_credit_accepts_the_documented_money_object_and_answers_with_the_same_shape_only() {
        Api.Response r = Api.as(port, "agent").post("/api/credits", credit("{\"amount\": 20.00, \"currency\": \"USD\"}"));

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode amount = r.json().get("amount");
        assertThat(amount.propertyNames()).containsExactlyInAnyOrder("amount", "currency");
        assertThat(amount.get("amount").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(amount.get("currency").asString()).isEqualTo("USD");
    }

    @Test
    void a_credit_accepts_a_bare_number_of_dollars_too() {
        Api.Response r = Api.as(port, "agent").post("/api/credits", credit("5.50"));

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("amount").get("amount").decimalValue()).isEqualByComparingTo("5.50");
    }

    @Test
    void a_bad_amount_or_currency_names_the_field() {
        Api.Response decimals = Api.as(port, "agent").post("/api/credits",
                credit("{\"amount\": 20.001, \"currency\": \"USD\"}"));
        assertThat(decimals.status()).isEqualTo(400);
        assertThat(decimals.contentType()).startsWith("application/problem+json");
        assertThat(decimals.json().get("fields").has("amount")).as(decimals.body()).isTrue();

        Api.Response euro = Api.as(port, "agent").post("/api/credits", credit("{\"amount\": 20.00, \"currency\": \"EUR\"}"));
        assertThat(euro.status()).isEqualTo(400);
        assertThat(euro.json().get("fields").has("amount.currency")).as(euro.body()).isTrue();

        Api.Response text = Api.as(port, "agent").post("/api/credits", credit("{\"amount\": \"lots\"}"));
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.json().get("fields").has("amount")).as(text.body()).isTrue();
    }

    @Test
    void campaign_tiers_and_top_ups_take_the_money_object() {
        Api.Response created = Api.as(port, "manager").post("/api/campaigns", "{\"incidentId\":" + incident
                + ",\"name\":\"Money shape\",\"tiers\":[{\"name\":\"All\",\"reasonCode\":\"DATA_SERVICE_MONTH\","
                + "\"amount\":{\"amount\":20.00,\"currency\":\"USD\"}}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode tierAmount = created.json().get("tiers").get(0).get("amount");
        assertThat(tierAmount.propertyNames()).containsExactlyInAnyOrder("amount", "currency");
        assertThat(tierAmount.get("amount").decimalValue()).isEqualByComparingTo("20.00");

        long id = created.json().get("id").asLong();
        Api.Response topUp = Api.as(port, "manager").post("/api/campaigns/" + id + "/tiers/1/top-up",
                "{\"amount\":{\"amount\":25.00,\"currency\":\"USD\"}}");
        assertThat(topUp.status()).as("a draft cannot be topped up, but the body was read").isIn(400, 409);
        assertThat(topUp.json().get("title").asString()).isNotEqualTo("Malformed request");
    }

    @Test
    void the_openapi_schema_of_money_is_amount_and_currency() {
        JsonNode money = Api.as(port, "manager").get("/v3/api-docs").json().get("components").get("schemas")
                .get("Money");
        assertThat(money.get("properties").propertyNames()).containsExactlyInAnyOrder("amount", "currency");
        assertThat(money.get("description").asString()).contains("bare number");
    }

    @Test
    void a_subscribers_credits_come_with_the_total_the_cap_and_the_room_left() {
        assertThat(Api.as(port, "agent").post("/api/credits", credit("20.00")).status()).isEqualTo(201);

        JsonNode answer = Api.as(port, "agent").get("/api/subscribers/" + sub.msisdn() + "/credits?incidentId="
                + incident).json();
        assertThat(answer.get("credits")).hasSize(1);
        JsonNode room = answer.get("incidents").get(0);
        assertThat(room.get("incidentId").asLong()).isEqualTo(incident);
        assertThat(room.get("total").get("amount").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(room.get("cap").get("amount").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(room.get("roomLeft").get("amount").decimalValue()).isEqualByComparingTo("130.00");

        JsonNode all = Api.as(port, "agent").get("/api/subscribers/" + sub.msisdn() + "/credits").json();
        assertThat(all.get("incidents")).hasSize(1);
        assertThat(all.get("credits")).hasSize(1);
    }
}
