package org.outagedesk.credits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.outagedesk.credits.CreditTestSupport.Sub;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.incident.IncidentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16, hole 1: a number such as {@code 1e-100000000} is a dozen characters of JSON but 100 million digits once
 * written out. Every endpoint refuses such numbers where JSON is read, cheaply, and its answer stays short.
 */
@IntegrationTest
class HostileNumbersApiTest {

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

    @ParameterizedTest(name = "a credit of {0} is refused with a short 400 problem")
    @ValueSource(strings = {"1e-100000000", "1e2147483647", "-1e-2147483647", "1e-100000", "0e-99999", "1e100000",
            "12345678901234567890123456789012345678901234567890123456789012345678901234567890.5",
            "20.00000000000000000000000000000000000000000000000000000000000000000000000000000001"})
    void a_credit_with_a_hostile_amount_is_refused_quickly_with_a_short_problem(String amount) {
        long start = System.nanoTime();
        Api.Response response = Api.as(port, "manager").post("/api/credits",
                CreditTestSupport.credit(sub.msisdn(), incident, "DATA_SERVICE_MONTH", amount));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().length()).isLessThan(1_000);
        assertThat(response.json().get("detail").asString()).contains("amount").doesNotContain("java.");
        assertThat(took).isLessThan(Duration.ofSeconds(2));
    }

    @ParameterizedTest(name = "a campaign tier of {0} is refused with a short 400 problem")
    @ValueSource(strings = {"1e-100000000", "1e2147483647", "1e-100000", "1e100000"})
    void a_campaign_tier_with_a_hostile_amount_is_refused_quickly_with_a_short_problem(String amount) {
        String tiers = "[{\"name\":\"Month\",\"rules\":{\"statuses\":[\"LOST\"]},\"reasonCode\":\"DATA_SERVICE_MONTH\","
                + "\"amount\":" + amount + "}]";
        long start = System.nanoTime();
        Api.Response response = Api.as(port, "manager").post("/api/campaigns",
                "{\"incidentId\":" + incident + ",\"name\":\"Hostile\",\"tiers\":" + tiers + "}");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().length()).isLessThan(1_000);
        assertThat(took).isLessThan(Duration.ofSeconds(2));
    }

    @ParameterizedTest(name = "a number of {0} where an id is expected gets a short 400 problem")
    @ValueSource(strings = {"1e2147483647", "1e-100000000"})
    void a_hostile_number_anywhere_gets_a_short_problem(String number) {
        Api.Response response = Api.as(port, "manager").post("/api/credits",
                "{\"msisdn\":\"" + sub.msisdn() + "\",\"incidentId\":" + number
                        + ",\"reasonCode\":\"DATA_SERVICE_MONTH\",\"amount\":20}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().length()).isLessThan(1_000);
    }

    @ParameterizedTest(name = "a text of {0} characters is never echoed whole")
    @ValueSource(ints = {5_000, 200_000})
    void a_long_text_is_never_echoed_back_whole(int length) {
        String reason = "X".repeat(length);
        Api.Response response = Api.as(port, "manager").post("/api/credits",
                "{\"msisdn\":\"" + sub.msisdn() + "\",\"incidentId\":" + incident + ",\"reasonCode\":\"" + reason
                        + "\",\"amount\":20}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().length()).isLessThan(1_000);
    }
}
