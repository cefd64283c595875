package org.outagedesk.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.outagedesk.incident.IncidentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 16, hole 6: the small ones. */
@IntegrationTest
class SmallHolesApiTest {

    @LocalServerPort
    int port;
    @Autowired
    IncidentService incidents;

    long incident;
    String msisdn;

    @BeforeEach
    void subscriber() {
        incident = ImpactTestSupport.newIncident(incidents, "Small holes");
        msisdn = ImpactTestSupport.uniqueMsisdn();
        Api.Response imported = ImpactTestSupport.upload(Api.as(port, "manager"), incident, null, ImpactTestSupport.HEADER
                + ImpactTestSupport.row(msisdn, "SK-LX09-BLU", "C-WA-SEA-01", "LOST", "PHOTOS"));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    }

    @Test
    void nobody_may_be_named_system_the_name_the_audit_trail_uses_for_the_application() {
        for (String name : new String[] {"system", "SYSTEM", " System "}) {
            Api.Response r = Api.as(port, "manager").post("/api/users", """
                    {"username":"%s","displayName":"Impostor","role":"INCIDENT_MANAGER","password":"long-enough-1"}
                    """.formatted(name));
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("fields").has("username")).isTrue();
        }
    }

    @Test
    void a_status_reason_over_1000_characters_is_refused_not_cut_and_characters_are_counted_as_people_do() {
        String path = "/api/incidents/" + incident + "/impacts/" + msisdn;
        Api.Response tooLong = Api.as(port, "agent").patch(path,
                "{\"status\":\"RECOVERED\",\"reason\":\"" + "r".repeat(1001) + "\"}");
        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
        assertThat(tooLong.json().get("fields").has("reason")).isTrue();

        // 1,000 emoji are 1,000 characters (2,000 UTF-16 units): accepted whole
        String emoji = "\uD83D\uDCF1".repeat(1000);
        Api.Response exactly = Api.as(port, "agent").patch(path, "{\"status\":\"RECOVERED\",\"reason\":\"" + emoji
                + "\"}");
        assertThat(exactly.status()).as(exactly.body()).isEqualTo(200);
    }

    @Test
    void the_login_form_refuses_a_post_without_a_csrf_token() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=manager&password=demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isIn(302, 403);
        if (r.statusCode() == 302) {
            assertThat(r.headers().firstValue("Location").orElse("")).contains("login?error");
        }
    }

    @Test
    void a_csv_the_parser_cannot_read_gets_a_message_without_the_parser_s_internals() {
        Api.Response r = ImpactTestSupport.upload(Api.as(port, "manager"), incident, null, ImpactTestSupport.HEADER
                + "\"" + UUID.randomUUID() + ",unclosed quote\n");
        assertThat(r.body()).doesNotContain("org.apache").doesNotContain("Exception").doesNotContain("java.");
    }
}
