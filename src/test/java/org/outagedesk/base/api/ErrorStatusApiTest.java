package org.outagedesk.base.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16, holes 5 and 6: every error of the API is a problem+json with the status that says whose fault it is,
 * not a 403 with an empty body; paging is checked the same way on every list.
 */
@IntegrationTest
class ErrorStatusApiTest {

    @LocalServerPort
    int port;

    long incident;

    private Api manager() {
        return Api.as(port, "manager");
    }

    @BeforeEach
    void incident() {
        Api.Response created = manager().post("/api/incidents", """
                {"title": "Error status test %s", "description": "test", "severity": "SEV3",
                 "affectedServices": ["e-mail"], "referenceZone": "America/New_York",
                 "startedAt": "%s"}""".formatted(UUID.randomUUID(), Instant.now().minus(3, ChronoUnit.HOURS)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        incident = created.json().get("id").asLong();
    }

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asString()).isNotBlank().doesNotContain("Exception").doesNotContain("org.")
                .doesNotContain("java.");
    }

    @Test
    void a_method_an_address_does_not_accept_is_a_405_problem() {
        Api api = manager();
        assertProblem(api.send(api.request("/api/incidents/" + incident).DELETE()), 405);
    }

    @Test
    void a_body_of_a_content_type_an_endpoint_does_not_read_is_a_415_problem() {
        Api api = manager();
        assertProblem(api.send(api.request("/api/incidents/" + incident + "/impacts/import")
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString("msisdn\n1\n"))), 415);
        assertProblem(api.send(api.request("/api/incidents/" + incident + "/timeline")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello"))), 415);
    }

    @ParameterizedTest(name = "{0} is a 400 problem naming {1}")
    @CsvSource({
            "/api/incidents/ID/timeline?page=2147483647, page",
            "/api/incidents/ID/timeline?size=-5, size",
            "/api/incidents/ID/timeline?size=0, size",
            "/api/incidents/ID/timeline?size=100000, size",
            "/api/incidents/ID/impacts?page=2147483647, page",
            "/api/incidents/ID/impacts?sort=password, sort",
            "/api/incidents/ID/impacts?sort=msisdn%2Csideways, sort",
            "/api/holds?page=2147483647, page",
            "/api/holds?size=-5, size",
            "/api/holds/violations?page=2147483647&size=1000, page",
            "/api/users?size=0, size",
            "/api/users?page=-1, page",
            "/api/audit?page=2147483647, page",
            "/api/stores?size=-5, size",
            "/api/credits?page=2147483647, page",
    })
    void paging_out_of_range_is_a_400_problem_naming_the_parameter(String path, String field) {
        Api.Response response = manager().get(path.replace("ID", String.valueOf(incident)));
        assertProblem(response, 400);
        assertThat(response.body()).contains(field);
    }

    @Test
    void an_over_long_affected_service_is_a_400_problem() {
        Api.Response response = manager().post("/api/incidents", """
                {"title": "Long service %s", "description": "test", "severity": "SEV3",
                 "affectedServices": ["%s"], "referenceZone": "America/New_York",
                 "startedAt": "2009-10-02T12:00:00Z"}""".formatted(UUID.randomUUID(), "x".repeat(600)));
        assertProblem(response, 400);
        assertThat(response.body().length()).isLessThan(1_000);
    }

    @ParameterizedTest(name = "GET {0} is a 404 problem, not the console's page")
    @ValueSource(strings = {"/api/nothing-here", "/api/incidents/1/nothing", "/api/v2/incidents"})
    void an_unknown_api_address_is_a_404_problem(String path) {
        assertProblem(manager().get(path), 404);
        Api api = manager();
        assertProblem(api.send(api.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))), 404);
    }

    @Test
    void an_unknown_api_address_asks_an_anonymous_caller_to_sign_in_first() {
        assertProblem(Api.anonymous(port).get("/api/nothing-here"), 401);
    }

    @Test
    void an_unknown_id_is_a_404_problem_and_a_wrong_id_type_a_400_problem() {
        assertProblem(manager().get("/api/incidents/999999999"), 404);
        assertProblem(manager().get("/api/incidents/not-a-number"), 400);
    }

    @Test
    void a_missing_body_is_a_400_problem() {
        assertProblem(manager().post("/api/incidents/" + incident + "/timeline", null), 400);
    }
}
