package org.outagedesk.base.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16, hole 3: dates outside 1990-01-01 to 2100-01-01 (the default setting) are refused with a clear message
 * at every input, so none reaches the screens, reports and spreadsheets everyone shares.
 */
@IntegrationTest
class DateRangeApiTest {

    static final String RANGE = "1990-01-01 to 2100-01-01";

    @LocalServerPort
    int port;

    long incident;

    private Api manager() {
        return Api.as(port, "manager");
    }

    private static void assertRefused(Api.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains(RANGE);
        assertThat(response.json().get("fields").has(field)).as(response.body()).isTrue();
    }

    @BeforeEach
    void incident() {
        Api.Response created = manager().post("/api/incidents", """
                {"title": "Date range test %s", "description": "test", "severity": "SEV3",
                 "affectedServices": ["e-mail"], "referenceZone": "America/New_York",
                 "startedAt": "%s"}""".formatted(UUID.randomUUID(), Instant.now().minus(3, ChronoUnit.HOURS)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        incident = created.json().get("id").asLong();
    }

    @ParameterizedTest(name = "a timeline entry at {0} is refused")
    @ValueSource(strings = {"-999999999-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "1989-12-31T23:59:59Z"})
    void a_timeline_entry_outside_the_range_is_refused(String at) {
        assertRefused(manager().post("/api/incidents/" + incident + "/timeline", """
                {"type": "NOTE", "occurredAt": "%s", "visibility": "PUBLIC", "pinned": false, "text": "x"}"""
                .formatted(at)), "occurredAt");
        assertThat(manager().get("/api/incidents/" + incident + "/timeline").body()).doesNotContain(at);
    }

    @ParameterizedTest(name = "an incident started at {0} is refused")
    @ValueSource(strings = {"-999999999-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z"})
    void an_incident_starting_outside_the_range_is_refused(String at) {
        assertRefused(manager().post("/api/incidents", """
                {"title": "Far %s", "description": "test", "severity": "SEV3", "affectedServices": ["e-mail"],
                 "referenceZone": "America/New_York", "startedAt": "%s"}""".formatted(UUID.randomUUID(), at)),
                "startedAt");
    }

    @Test
    void a_status_time_or_a_lifecycle_time_outside_the_range_is_refused() {
        assertRefused(manager().post("/api/incidents/" + incident + "/status",
                "{\"status\": \"IDENTIFIED\", \"at\": \"+1000000000-01-01T00:00:00Z\"}"), "at");
        assertRefused(manager().put("/api/incidents/" + incident + "/lifecycle",
                "{\"detectedAt\": \"0001-01-01T00:00:00Z\"}"), "detectedAt");
    }

    @Test
    void a_hold_starting_or_ending_outside_the_range_is_refused() {
        assertRefused(manager().post("/api/holds", """
                {"incidentId": %d, "family": "NOKIA", "channels": ["ONLINE"], "reason": "far future",
                 "effectiveFrom": "+1000000000-01-01T00:00:00Z"}""".formatted(incident)), "effectiveFrom");
        assertRefused(manager().post("/api/holds", """
                {"incidentId": %d, "family": "NOKIA", "channels": ["ONLINE"], "reason": "far future",
                 "effectiveUntil": "2200-01-01T00:00:00Z"}""".formatted(incident)), "effectiveUntil");
    }

    @Test
    void a_sale_outside_the_range_is_refused() {
        Api.Response sale = Api.as(port, "till").post("/api/sales", """
                {"store": "C-WA-SEA-01", "sku": "N5310-BLU", "quantity": 1, "soldAt": "0001-01-01T00:00:00Z"}""");
        assertThat(sale.status()).as(sale.body()).isEqualTo(400);
        assertThat(sale.body()).contains(RANGE);
    }
}
