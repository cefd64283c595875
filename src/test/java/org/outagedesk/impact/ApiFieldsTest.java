package org.outagedesk.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.outagedesk.incident.IncidentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Bad input always names the field at fault in a problem+json; the subscriber endpoints take the README's forms. */
@IntegrationTest
class ApiFieldsTest {

    @LocalServerPort
    int port;
    @Autowired
    IncidentService incidents;

    long incident;
    String msisdn;

    @BeforeEach
    void subscriber() {
        incident = ImpactTestSupport.newIncident(incidents, "Fields test");
        msisdn = ImpactTestSupport.uniqueMsisdn();
        Api.Response r = ImpactTestSupport.upload(Api.as(port, "manager"), incident, null, ImpactTestSupport.HEADER
                + ImpactTestSupport.row(msisdn, "SK-LX09-CARBLA", "C-WA-SEA-01", "LOST", "PHOTOS"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static JsonNode fields(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().has("fields")).as(r.body()).isTrue();
        return r.json().get("fields");
    }

    @Test
    void an_unknown_sort_field_is_named() {
        JsonNode fields = fields(Api.as(port, "agent").get("/api/incidents/" + incident + "/impacts?sort=shoeSize"),
                400);
        assertThat(fields.get("sort").asString()).isNotBlank();
        assertThat(fields(Api.as(port, "agent").get("/api/incidents/" + incident + "/impacts?sort=name,sideways"),
                400).has("sort")).isTrue();
    }

    @Test
    void a_bad_enum_value_in_json_is_named_with_the_allowed_values() {
        JsonNode fields = fields(Api.as(port, "agent").patch("/api/incidents/" + incident + "/impacts/" + msisdn,
                "{\"status\": \"GONE\", \"reason\": \"test\"}"), 400);
        assertThat(fields.get("status").asString()).contains("GONE").contains("DEVICE_ONLY");

        JsonNode bulk = fields(Api.as(port, "manager").post("/api/incidents/" + incident
                + "/impacts/bulk-status/preview", "{\"filter\": {}, \"newStatus\": \"LOSTISH\"}"), 400);
        assertThat(bulk.has("newStatus")).isTrue();
    }

    @Test
    void a_missing_required_incident_id_is_named() {
        JsonNode fields = fields(Api.as(port, "exec").get("/api/exports/credits.xlsx"), 400);
        assertThat(fields.has("incidentId")).isTrue();
    }

    @Test
    void an_upload_over_the_size_limit_answers_413_problem_json() throws Exception {
        // the test profile's limit is 10MB; a little more. A plain socket that sends the whole request before it
        // reads, as a browser or curl does (the server drops the connection after a 413)
        byte[] content = new byte[10 * 1024 * 1024 + 20_000];
        Arrays.fill(content, (byte) 'x');
        String boundary = "----odbig";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        String auth = Base64.getEncoder().encodeToString("manager:demo".getBytes(StandardCharsets.UTF_8));
        String response;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/incidents/" + incident + "/impacts/import HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Basic " + auth + "\r\nAccept: application/json, application/problem+json\r\n"
                    + "Connection: close\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                    + "Content-Length: " + (head.length + content.length + tail.length) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(head);
            out.write(content);
            out.write(tail);
            out.flush();
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(response).startsWith("HTTP/1.1 413");
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(response).contains("\"fields\"").contains("\"file\"");
    }

    @Test
    void a_patch_with_only_categories_keeps_the_status() {
        Api.Response r = Api.as(port, "agent").patch("/api/incidents/" + incident + "/impacts/" + msisdn,
                "{\"categories\": [\"PHOTOS\", \"CONTACTS\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode impact = r.json().get("impacts").valueStream()
                .filter(i -> i.get("incidentId").asLong() == incident).findFirst().orElseThrow();
        assertThat(impact.get("status").asString()).isEqualTo("LOST");
        assertThat(impact.get("categories").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("PHOTOS", "CONTACTS");
    }

    @Test
    void the_bulk_filter_status_is_a_single_value_or_an_array() {
        String path = "/api/incidents/" + incident + "/impacts/bulk-status/preview";
        Api.Response single = Api.as(port, "manager").post(path,
                "{\"filter\": {\"status\": \"LOST\"}, \"newStatus\": \"RECOVERED\"}");
        assertThat(single.status()).as(single.body()).isEqualTo(200);
        assertThat(single.json().get("count").asLong()).isEqualTo(1);
        Api.Response array = Api.as(port, "manager").post(path,
                "{\"filter\": {\"status\": [\"LOST\", \"DEVICE_ONLY\"]}, \"newStatus\": \"RECOVERED\"}");
        assertThat(array.json().get("count").asLong()).isEqualTo(1);
    }
}
