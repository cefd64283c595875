package org.outagedesk.holds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class HoldApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api as(String user) {
        return Api.as(port, user);
    }

    long sampleIncident() {
        for (JsonNode hold : as("manager").get("/api/holds?size=500").json().get("content")) {
            if (hold.get("family").asString("").equals("SIDEKICK")) {
                return hold.get("incidentId").asLong();
            }
        }
        throw new AssertionError("the sample Sidekick holds are missing");
    }

    @Test
    void a_family_hold_flips_online_and_store_status_at_once_is_acknowledged_violated_and_lifted() {
        long incident = sampleIncident();
        Api manager = as("manager");
        Api till = as("till");
        assertThat(till.get("/api/sale-status?sku=N5310-BLU&store=C-WA-SEA-01").json().get("sellable").asBoolean())
                .isTrue();

        Api.Response placed = manager.post("/api/holds", """
                {"incidentId": %d, "family": "NOKIA", "channels": ["ONLINE", "RETAIL"],
                 "reason": "API test: Nokia 5310 battery recall"}""".formatted(incident));
        assertThat(placed.status()).isEqualTo(201);
        long id = placed.json().get("id").asLong();
        try {
            assertThat(placed.json().get("status").asString()).isEqualTo("ACTIVE");
            assertThat(placed.json().get("storeCount").asLong()).isGreaterThan(100);

            JsonNode inStore = till.get("/api/sale-status?sku=N5310-BLU&store=C-WA-SEA-01").json();
            assertThat(inStore.get("sellable").asBoolean()).isFalse();
            assertThat(inStore.get("channel").asString()).isEqualTo("RETAIL");
            assertThat(inStore.get("holds").get(0).get("id").asLong()).isEqualTo(id);
            assertThat(inStore.get("holds").get(0).get("reason").asString()).contains("battery recall");
            JsonNode online = till.get("/api/sale-status?sku=N5310-RED").json();
            assertThat(online.get("channel").asString()).isEqualTo("ONLINE");
            assertThat(online.get("sellable").asBoolean()).isFalse();
            // dealers are not in this hold's channels
            assertThat(till.get("/api/sale-status?sku=N5310-BLU&store=D-WA-SEA-01").json().get("sellable")
                    .asBoolean()).isTrue();

            // the store manager of C-WA-SEA-01 sees it and acknowledges for their store
            Api store2 = as("store2");
            assertThat(store2.get("/api/my-store/holds").json().findValues("id").stream().map(JsonNode::asLong))
                    .contains(id);
            Api.Response ack = store2.post("/api/holds/" + id + "/acknowledgements", null);
            assertThat(ack.status()).isEqualTo(200);
            assertThat(ack.json().get("storeCode").asString()).isEqualTo("C-WA-SEA-01");
            JsonNode progress = manager.get("/api/holds/" + id + "/acknowledgements?state=ACKNOWLEDGED").json();
            assertThat(progress.get("progress").get("acknowledged").asLong()).isEqualTo(1);
            assertThat(progress.get("progress").get("pending").asLong())
                    .isEqualTo(placed.json().get("storeCount").asLong() - 1);
            assertThat(progress.get("stores").get("content").get(0).get("store").asString()).isEqualTo("C-WA-SEA-01");

            // a till reports a sale made after the hold: a violation the executive sees
            Api.Response sale = till.post("/api/sales", """
                    {"store": "C-WA-SEA-01", "sku": "N5310-BLU", "quantity": 1, "soldAt": "%s"}"""
                    .formatted(Instant.now()));
            assertThat(sale.status()).isEqualTo(201);
            assertThat(sale.json().get("violation").asBoolean()).isTrue();
            JsonNode violations = as("exec").get("/api/holds/violations?holdId=" + id).json();
            assertThat(violations.get("totalElements").asLong()).isEqualTo(1);
            assertThat(violations.get("content").get(0).get("store").asString()).isEqualTo("C-WA-SEA-01");
            assertThat(violations.get("content").get(0).get("region").asString()).isEqualTo("Pacific Northwest");
            assertThat(violations.get("content").get(0).get("sku").asString()).isEqualTo("N5310-BLU");
        } finally {
            Api.Response lifted = manager.post("/api/holds/" + id + "/lift", """
                    {"reason": "API test over: recall withdrawn"}""");
            assertThat(lifted.status()).isEqualTo(200);
            assertThat(lifted.json().get("status").asString()).isEqualTo("LIFTED");
        }
        assertThat(till.get("/api/sale-status?sku=N5310-BLU&store=C-WA-SEA-01").json().get("sellable").asBoolean())
                .isTrue();
        assertThat(till.get("/api/sale-status?sku=N5310-RED").json().get("sellable").asBoolean()).isTrue();
        assertThat(manager.post("/api/holds/" + id + "/lift", "{\"reason\": \"again\"}").status()).isEqualTo(409);
    }

    @Test
    void the_sample_story_shows_upper_west_side_dealers_selling_sidekicks_after_the_hold() {
        long incident = sampleIncident();
        JsonNode violations = as("exec").get("/api/holds/violations?incidentId=" + incident).json();
        List<String> lines = new ArrayList<>();
        violations.get("content").forEach(v -> lines.add(v.get("store").asString() + " " + v.get("sku").asString()
                + " " + v.get("soldAt").asString()));
        assertThat(lines).contains("D-NY-UWS-01 SK-LX09-CARBLA 2009-10-12T21:00:00Z",
                "D-NY-UWS-02 SK-S08-PIN 2009-10-12T21:05:00Z", "D-NY-UWS-01 SK-LX09-BLU 2009-10-13T15:20:00Z");
        assertThat(lines).noneMatch(l -> l.contains("BB8900") || l.contains("MT3G") || l.contains("G1-"));

        JsonNode status = as("till").get("/api/sale-status?sku=SK-LX09-CARBLA&store=D-NY-UWS-01").json();
        assertThat(status.get("sellable").asBoolean()).isFalse();
        assertThat(as("till").get("/api/sale-status?sku=SK-LX09-CARBLA").json().get("sellable").asBoolean()).isFalse();
        assertThat(as("till").get("/api/sale-status?sku=G1-BLA&store=D-NY-UWS-01").json().get("sellable").asBoolean())
                .isTrue();

        long dealerHold = status.get("holds").get(0).get("id").asLong();
        JsonNode overdue = as("manager").get("/api/holds/" + dealerHold + "/acknowledgements?state=OVERDUE&size=1000")
                .json();
        // stores other tests add later are reached by the same (still active) dealer hold: count the sample's
        assertThat(overdue.get("stores").get("content").findValues("store").stream().map(JsonNode::asString)
                .filter(sampleStoreCodes()::contains).toList())
                .as("of the sample's dealers only the two Upper West Side ones never acknowledged")
                .containsExactlyInAnyOrder("D-NY-UWS-01", "D-NY-UWS-02");
        assertThat(overdue.get("progress").get("acknowledged").asLong()).isGreaterThan(10);
        assertThat(overdue.get("stores").get("content").findValues("store").stream().map(JsonNode::asString))
                .contains("D-NY-UWS-01", "D-NY-UWS-02").doesNotContain("D-NY-UWS-03");
        assertThat(overdue.get("progress").get("byRegion").findValues("region").stream().map(JsonNode::asString))
                .contains("New York Metro");
    }

    @Test
    void the_store_list_of_a_till_is_every_sku_with_its_status() {
        JsonNode all = as("till").get("/api/sale-status?store=D-NY-UWS-01").json();
        assertThat(all.size()).isGreaterThanOrEqualTo(30);
        for (JsonNode s : all) {
            assertThat(s.get("sellable").asBoolean()).isEqualTo(!s.get("sku").asString().startsWith("SK-"));
        }
    }

    @Test
    void bad_holds_are_refused_naming_the_field() {
        long incident = sampleIncident();
        Api manager = as("manager");
        Api.Response noSkus = manager.post("/api/holds", """
                {"incidentId": %d, "channels": ["ONLINE"], "reason": "x"}""".formatted(incident));
        assertThat(noSkus.status()).isEqualTo(400);
        assertThat(noSkus.json().get("fields").has("skus")).isTrue();
        Api.Response noChannels = manager.post("/api/holds", """
                {"incidentId": %d, "skus": ["G1-BLA"], "channels": [], "reason": "x"}""".formatted(incident));
        assertThat(noChannels.status()).isEqualTo(400);
        assertThat(noChannels.json().get("fields").has("channels")).isTrue();
        Api.Response backwards = manager.post("/api/holds", """
                {"incidentId": %d, "skus": ["G1-BLA"], "channels": ["ONLINE"], "reason": "x",
                 "effectiveFrom": "2030-01-02T00:00:00Z", "effectiveUntil": "2030-01-01T00:00:00Z"}"""
                .formatted(incident));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("fields").has("effectiveUntil")).isTrue();
        Api.Response unknownSku = manager.post("/api/holds", """
                {"incidentId": %d, "skus": ["NO-SUCH-SKU"], "channels": ["ONLINE"], "reason": "x"}"""
                .formatted(incident));
        assertThat(unknownSku.status()).isEqualTo(404);
        assertThat(unknownSku.json().get("detail").asString()).contains("NO-SUCH-SKU");
        assertThat(as("till").get("/api/sale-status?sku=NO-SUCH-SKU&store=D-NY-UWS-01").status()).isEqualTo(404);
        assertThat(as("till").get("/api/sale-status?sku=G1-BLA&store=NO-SUCH-STORE").status()).isEqualTo(404);
    }

    @Test
    void a_daily_sales_file_with_a_bad_row_is_refused_whole_with_line_and_field() {
        // the valid line is a held Sidekick: a partial import would add a sale AND a violation
        String file = """
                store,sku,quantity,soldAt
                D-NY-UWS-03,SK-S3-WHI,1,2009-10-14T15:00:00Z
                D-NY-UWS-03,NOPE,1,2009-10-14T15:00:00Z
                D-NY-UWS-03,G1-BLA,zero,2009-10-14T15:00:00Z
                """;
        long before = as("exec").get("/api/holds/violations?store=D-NY-UWS-03").json().get("totalElements").asLong();
        long salesBefore = salesAt("D-NY-UWS-03");
        Api.Response refused = importCsv("till", file);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("applied").asBoolean()).isFalse();
        assertThat(refused.json().get("imported").asLong()).isZero();
        assertThat(refused.json().get("rejected").asLong()).isEqualTo(2);
        assertThat(refused.json().get("errors")).hasSize(2);
        assertThat(refused.json().get("errors").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("sku");
        assertThat(refused.json().get("errors").get(1).get("field").asString()).isEqualTo("quantity");
        assertThat(salesAt("D-NY-UWS-03")).as("no sale of a refused file is kept").isEqualTo(salesBefore);
        assertThat(as("exec").get("/api/holds/violations?store=D-NY-UWS-03").json().get("totalElements").asLong())
                .isEqualTo(before);

        Api.Response loaded = importCsv("till", """
                store,sku,quantity,soldAt
                D-NY-UWS-03,G1-BLA,1,2009-10-14T15:00:00Z
                D-NY-UWS-03,SK-S3-WHI,2,2009-10-14T16:00:00Z
                """);
        assertThat(loaded.status()).isEqualTo(200);
        assertThat(loaded.json().get("imported").asLong()).isEqualTo(2);
        assertThat(loaded.json().get("violations").asLong()).isEqualTo(1);
        assertThat(as("exec").get("/api/holds/violations?store=D-NY-UWS-03").json().get("totalElements").asLong())
                .isEqualTo(before + 1);
        assertThat(salesAt("D-NY-UWS-03")).isEqualTo(salesBefore + 2);
    }

    long salesAt(String store) {
        return jdbc.queryForObject("select count(*) from sale where store_code = ?", Long.class, store);
    }

    /** A hold of this test's own on one SKU at one store, in force from two hours ago. */
    long placeOwnHold(String sku, String store, Instant from) {
        Api.Response placed = as("manager").post("/api/holds", """
                {"incidentId": %d, "skus": ["%s"], "channels": ["RETAIL"], "stores": ["%s"],
                 "effectiveFrom": "%s", "reason": "API test: own hold %s"}"""
                .formatted(sampleIncident(), sku, store, from, UUID.randomUUID()));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().get("id").asLong();
    }

    @Test
    void only_sales_inside_the_window_of_a_hold_are_violations_for_a_single_sale_and_for_a_file() {
        // whole seconds: the database keeps microseconds (it rounds, a truncation here would not always match)
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long id = placeOwnHold("BB8220-PIN", "C-OR-POR-01", now.minus(Duration.ofHours(2)));
        Api.Response lifted = as("manager").post("/api/holds/" + id + "/lift", "{\"reason\": \"window test\"}");
        assertThat(lifted.status()).isEqualTo(200);
        Instant before = now.minus(Duration.ofHours(3));
        Instant inside = now.minus(Duration.ofHours(1));
        Instant after = Instant.now().plusMillis(1); // the lift happened before this line

        Api till = as("till");
        for (Instant at : List.of(before, inside, after)) {
            Api.Response sale = till.post("/api/sales", """
                    {"store": "C-OR-POR-01", "sku": "BB8220-PIN", "quantity": 1, "soldAt": "%s"}""".formatted(at));
            assertThat(sale.status()).isEqualTo(201);
            assertThat(sale.json().get("violation").asBoolean()).as("single sale at " + at).isEqualTo(at == inside);
        }
        Api.Response file = importCsv("till", "store,sku,quantity,soldAt\n" + "C-OR-POR-01,BB8220-PIN,1,%s\n"
                .formatted(before) + "C-OR-POR-01,BB8220-PIN,1,%s\n".formatted(inside)
                + "C-OR-POR-01,BB8220-PIN,1,%s\n".formatted(after));
        assertThat(file.status()).as(file.body()).isEqualTo(200);
        assertThat(file.json().get("imported").asLong()).isEqualTo(3);
        assertThat(file.json().get("violations").asLong()).as("only the sale inside the window").isEqualTo(1);

        JsonNode violations = as("exec").get("/api/holds/violations?holdId=" + id).json();
        assertThat(violations.get("totalElements").asLong()).isEqualTo(2);
        assertThat(violations.get("content").findValues("soldAt").stream().map(v -> Instant.parse(v.asString())))
                .containsOnly(inside.truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void a_store_manager_sees_the_holds_of_their_store_and_not_those_of_another_store() {
        long seattle = placeOwnHold("BB8220-BLA", "C-WA-SEA-01", Instant.now().minusSeconds(60));
        long portland = placeOwnHold("BB8220-BLA", "C-OR-POR-01", Instant.now().minusSeconds(60));
        try {
            List<Long> ofStore2 = as("store2").get("/api/my-store/holds").json().findValues("id").stream()
                    .map(JsonNode::asLong).toList();
            assertThat(ofStore2).contains(seattle).doesNotContain(portland);
            List<Long> ofStore = as("store").get("/api/my-store/holds").json().findValues("id").stream()
                    .map(JsonNode::asLong).toList();
            assertThat(ofStore).doesNotContain(seattle, portland);
        } finally {
            as("manager").post("/api/holds/" + seattle + "/lift", "{\"reason\": \"test over\"}");
            as("manager").post("/api/holds/" + portland + "/lift", "{\"reason\": \"test over\"}");
        }
    }

    @Test
    void the_sales_file_may_come_as_a_multipart_form_upload() {
        String boundary = "----od" + UUID.randomUUID().toString().replace("-", "");
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"daily.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + "store,sku,quantity,soldAt\r\nD-OR-POR-03,G1-BRO,2,2009-10-20T10:00:00Z\r\n"
                + "--" + boundary + "--\r\n";
        long salesBefore = salesAt("D-OR-POR-03");
        Api till = as("till");
        Api.Response loaded = till.send(till.request("/api/sales/import")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        assertThat(loaded.json().get("imported").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select sum(quantity) from sale where store_code = 'D-OR-POR-03'"
                + " and sku_code = 'G1-BRO' and sold_at = ?", Long.class,
                Timestamp.from(Instant.parse("2009-10-20T10:00:00Z")))).isEqualTo(2);
        assertThat(salesAt("D-OR-POR-03")).isEqualTo(salesBefore + 1);
    }

    Api.Response importCsv(String user, String csv) {
        Api api = as(user);
        return api.send(api.request("/api/sales/import").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            agent    | POST | /api/holds                                        | 403
            exec     | POST | /api/holds                                        | 403
            store    | POST | /api/holds                                        | 403
            till     | POST | /api/holds                                        | 403
            agent    | GET  | /api/holds                                        | 200
            exec     | GET  | /api/holds                                        | 200
            store    | GET  | /api/holds                                        | 403
            till     | GET  | /api/holds                                        | 403
            agent    | POST | /api/holds/1/lift                                 | 403
            exec     | POST | /api/holds/1/lift                                 | 403
            store    | POST | /api/holds/1/lift                                 | 403
            till     | POST | /api/holds/1/lift                                 | 403
            manager  | POST | /api/holds/1/acknowledgements                     | 403
            till     | POST | /api/holds/1/acknowledgements                     | 403
            till     | GET  | /api/holds/1/acknowledgements                     | 403
            store    | GET  | /api/holds/1/acknowledgements                     | 403
            manager  | GET  | /api/holds/violations                             | 200
            exec     | GET  | /api/holds/violations                             | 200
            agent    | GET  | /api/holds/violations                             | 403
            store    | GET  | /api/holds/violations                             | 403
            till     | GET  | /api/holds/violations                             | 403
            till     | GET  | /api/sale-status?sku=G1-BLA&store=C-WA-SEA-01     | 200
            agent    | GET  | /api/sale-status?sku=G1-BLA&store=C-WA-SEA-01     | 200
            store    | GET  | /api/sale-status?sku=G1-BLA&store=D-NY-UWS-01     | 200
            store    | GET  | /api/sale-status?store=D-NY-UWS-01                | 200
            store    | GET  | /api/sale-status?sku=G1-BLA&store=C-WA-SEA-01     | 403
            store    | GET  | /api/sale-status?store=C-WA-SEA-01                | 403
            till     | POST | /api/sales                                        | 201
            agent    | POST | /api/sales                                        | 403
            exec     | POST | /api/sales                                        | 403
            store    | POST | /api/sales                                        | 403
            till     | GET  | /api/skus                                         | 403
            agent    | GET  | /api/skus                                         | 200
            store    | GET  | /api/stores?region=New%20York%20Metro             | 200
            store    | GET  | /api/my-store/holds                               | 200
            manager  | GET  | /api/my-store/holds                               | 403
            """)
    void each_role_may_do_exactly_its_part(String user, String method, String path, int expected) {
        Api api = as(user);
        Api.Response response = method.equals("GET") ? api.get(path) : api.post(path, path.endsWith("/sales")
                ? "{\"store\": \"D-NY-UWS-04\", \"sku\": \"G1-BRO\", \"soldAt\": \"2009-10-01T18:00:00Z\"}"
                : "{\"reason\": \"role test\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(expected);
    }

    @Test
    void a_store_manager_cannot_acknowledge_a_hold_that_does_not_reach_their_store() {
        // the Oct 11 hold is ONLINE only: it reaches no store
        long onlineHold = -1;
        for (JsonNode hold : as("manager").get("/api/holds?size=500").json().get("content")) {
            if (hold.get("channels").size() == 1 && hold.get("channels").get(0).asString().equals("ONLINE")
                    && "SIDEKICK".equals(hold.get("family").asString(""))) {
                onlineHold = hold.get("id").asLong();
            }
        }
        Api.Response refused = as("store").post("/api/holds/" + onlineHold + "/acknowledgements", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("does not apply to your store D-NY-UWS-01");
    }

    /** The stores of the sample (other tests add stores that the sample's active holds reach too). */
    private static Set<String> sampleStoreCodes() {
        try (Stream<String> lines = Files.lines(
                Path.of("sample-data/stores.csv"))) {
            return lines.skip(1).map(line -> line.substring(0, line.indexOf(','))).collect(
                    Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
