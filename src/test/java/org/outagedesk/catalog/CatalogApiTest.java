package org.outagedesk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.catalog.CatalogTestSupport.unique;
import static org.outagedesk.catalog.CatalogTestSupport.upload;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The catalog through the API: imports by the subscriber import's rules, single changes, closing, exports, roles. */
@IntegrationTest
class CatalogApiTest {

    @LocalServerPort
    int port;

    Api as(String user) {
        return Api.as(port, user);
    }

    /** A region of the test's own, in Denver time, with an escalation contact. */
    String newRegion() {
        String name = "Test Region " + unique();
        Api.Response r = upload(as("manager"), "/api/regions/import", null,
                "name,zone,escalation_name,escalation_email\n" + name + ",America/Denver,Pat Lee,pat@example.com\n");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return name;
    }

    static List<String> errors(JsonNode result) {
        List<String> out = new ArrayList<>();
        result.get("errors").forEach(e -> out.add(e.get("line").asLong() + " " + e.get("field").asString() + ": "
                + e.get("message").asString()));
        return out;
    }

    @Test
    void an_incident_manager_imports_stores_and_a_re_import_updates_them_by_code() {
        String region = newRegion();
        String a = "T-" + unique();
        String b = "T-" + unique();
        String csv = "code,name,region,city,type,email,zone\n"
                + a + ",First Test Store," + region + ",Boulder,COMPANY,first@stores.example.com,America/Denver\n"
                + b + ",Second Test Store," + region + ",Phoenix,dealer,,America/Phoenix\n";
        JsonNode first = upload(as("manager"), "/api/stores/import", null, csv).json();
        assertThat(first.get("applied").asBoolean()).isTrue();
        assertThat(first.get("imported").asLong()).isEqualTo(2);
        assertThat(first.get("rejected").asLong()).isZero();

        JsonNode again = upload(as("manager"), "/api/stores/import", null, csv.replace("First Test Store",
                "First Test Store (renamed)")).json();
        assertThat(again.get("imported").asLong()).isZero();
        assertThat(again.get("updated").asLong()).isEqualTo(1);
        assertThat(again.get("unchanged").asLong()).isEqualTo(1);

        JsonNode store = as("agent").get("/api/stores/" + b).json();
        assertThat(store.get("type").asString()).isEqualTo("DEALER");
        assertThat(store.get("zone").asString()).isEqualTo("America/Phoenix");
        assertThat(store.get("email").isNull()).isTrue();
        assertThat(as("agent").get("/api/stores/" + a).json().get("name").asString())
                .isEqualTo("First Test Store (renamed)");
    }

    @Test
    void an_old_stores_file_without_email_and_zone_imports_with_the_zone_of_the_region_and_a_bom_is_tolerated() {
        String region = newRegion();
        String code = "T-" + unique();
        byte[] body = ("\uFEFFcode,name,region,city,type\n" + code + ",Old Format Store," + region
                + ",Denver,COMPANY\n").getBytes(StandardCharsets.UTF_8);
        Api.Response r = upload(as("manager"), "/api/stores/import", null, body, "stores-2009.csv");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(as("manager").get("/api/stores/" + code).json().get("zone").asString())
                .isEqualTo("America/Denver");
    }

    @Test
    void bad_store_rows_are_each_reported_by_line_and_field_and_nothing_is_applied() {
        String region = newRegion();
        String good = "T-" + unique();
        String dup = "T-" + unique();
        String csv = "code,name,region,city,type,email,zone\n"
                + good + ",Good Store," + region + ",Denver,COMPANY,good@example.com,\n"
                + dup + ",Dup One," + region + ",Denver,COMPANY,,\n"
                + dup + ",Dup Two," + region + ",Denver,COMPANY,,\n"
                + "T-" + unique() + ",Unknown Region,Atlantis,Denver,COMPANY,,\n"
                + "T-" + unique() + ",Bad Type," + region + ",Denver,KIOSK,,\n"
                + "T-" + unique() + ",Bad Zone," + region + ",Denver,DEALER,,Mars/Olympus\n"
                + "T-" + unique() + ",Bad Mail," + region + ",Denver,DEALER,not-an-address,\n";
        Api.Response r = upload(as("manager"), "/api/stores/import", null, csv);
        assertThat(r.status()).isEqualTo(422);
        JsonNode result = r.json();
        assertThat(result.get("applied").asBoolean()).isFalse();
        assertThat(result.get("rejected").asLong()).isEqualTo(5);
        assertThat(errors(result)).satisfiesExactly(
                e -> assertThat(e).startsWith("4 code: ").contains("appears more than once").contains("line 3"),
                e -> assertThat(e).startsWith("5 region: ").contains("unknown region"),
                e -> assertThat(e).startsWith("6 type: ").contains("not COMPANY or DEALER"),
                e -> assertThat(e).startsWith("7 zone: ").contains("IANA"),
                e -> assertThat(e).startsWith("8 email: ").contains("e-mail"));
        assertThat(as("manager").get("/api/stores/" + good).status()).isEqualTo(404);
    }

    @Test
    void in_valid_rows_mode_the_good_rows_go_in_and_the_bad_are_listed() {
        String region = newRegion();
        String good = "T-" + unique();
        String csv = "code,name,region,city,type\n"
                + good + ",Good Store," + region + ",Denver,COMPANY\n"
                + "T-" + unique() + ",Bad Type," + region + ",Denver,KIOSK\n";
        Api.Response r = upload(as("manager"), "/api/stores/import", "valid-rows", csv);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("applied").asBoolean()).isTrue();
        assertThat(r.json().get("imported").asLong()).isEqualTo(1);
        assertThat(r.json().get("rejected").asLong()).isEqualTo(1);
        assertThat(errors(r.json())).containsExactly("3 type: 'KIOSK' is not COMPANY or DEALER");
        assertThat(as("manager").get("/api/stores/" + good).status()).isEqualTo(200);
    }

    @Test
    void a_sku_needs_a_family_and_a_code_appears_once_per_file() {
        String a = "TST-" + unique();
        Api.Response r = upload(as("manager"), "/api/skus/import", null, "code,model,colour,family\n"
                + a + ",Test Phone,Grey,\n" + a + ",Test Phone,Grey,TESTFAM\n" + a + ",Test Phone,Blue,TESTFAM\n");
        assertThat(r.status()).isEqualTo(422);
        assertThat(errors(r.json())).satisfiesExactly(
                e -> assertThat(e).isEqualTo("2 family: is empty"),
                e -> assertThat(e).startsWith("4 code: ").contains("appears more than once in the file (first on line 3)"));
        assertThat(as("manager").get("/api/skus").body()).doesNotContain(a);
    }

    @Test
    void a_region_needs_an_iana_zone_and_a_whole_escalation_contact() {
        Api.Response r = upload(as("manager"), "/api/regions/import", null,
                "name,zone,escalation_name,escalation_email\n"
                        + "R " + unique() + ",Eastern,,\n"
                        + "R " + unique() + ",America/Chicago,Someone,\n"
                        + "R " + unique() + ",America/Chicago,,someone@example.com\n");
        assertThat(r.status()).isEqualTo(422);
        assertThat(errors(r.json())).satisfiesExactly(
                e -> assertThat(e).startsWith("2 zone: "),
                e -> assertThat(e).startsWith("3 escalation_email: "),
                e -> assertThat(e).startsWith("4 escalation_name: "));
        JsonNode regions = as("exec").get("/api/regions").json();
        JsonNode northeast = null;
        for (JsonNode region : regions) {
            if (region.get("name").asString().equals("Northeast")) {
                northeast = region;
            }
        }
        assertThat(northeast).as("the sample regions carry their escalation contacts").isNotNull();
        assertThat(northeast.get("zone").asString()).isEqualTo("America/New_York");
        assertThat(northeast.get("escalationEmail").asString()).contains("@");
    }

    @Test
    void a_file_that_is_not_csv_or_has_the_wrong_header_is_refused_whole() {
        Api.Response xlsx = upload(as("manager"), "/api/skus/import", null,
                new byte[] {'P', 'K', 3, 4, 0, 0}, "skus.xlsx");
        assertThat(xlsx.status()).isEqualTo(422);
        assertThat(xlsx.json().get("errors").get(0).get("message").asString()).contains("XLSX");
        Api.Response header = upload(as("manager"), "/api/skus/import", null, "code,model,colour\nX,Y,Z\n");
        assertThat(header.status()).isEqualTo(422);
        assertThat(header.json().get("errors").get(0).get("field").asString()).isEqualTo("header");
        Api.Response latin1 = upload(as("manager"), "/api/skus/import", null,
                "code,model,colour,family\nSK-L1,Caf\u00e9,Grey,X\n".getBytes(StandardCharsets.ISO_8859_1),
                "skus.csv");
        assertThat(latin1.status()).isEqualTo(422);
        assertThat(latin1.json().get("errors").get(0).get("message").asString()).contains("not UTF-8");
        Api.Response mode = upload(as("manager"), "/api/skus/import", "some", "code,model,colour,family\n");
        assertThat(mode.status()).isEqualTo(400);
    }

    @Test
    void a_file_with_more_rows_than_the_limit_is_refused() {
        StringBuilder csv = new StringBuilder("code,model,colour,family\n");
        for (int i = 0; i <= 1000; i++) { // the test profile allows 1,000 rows
            csv.append("SK-LIMIT-").append(i).append(",Model,Grey,LIMIT\n");
        }
        Api.Response r = upload(as("manager"), "/api/skus/import", null, csv.toString());
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("message").asString()).contains("more than 1000 rows");
    }

    @Test
    void a_file_larger_than_the_byte_limit_is_refused_whole_even_after_good_rows() {
        // the limit is counted while the file is read (2 MB in the test profile, under the upload limit): 250 rows
        // of 12 kB, under the row limit, the first a good one that must not go in
        String first = "SK-BIG-" + unique();
        StringBuilder csv = new StringBuilder("code,model,colour,family\n").append(first).append(",Model,Grey,BIG\n");
        String padding = "x".repeat(12_000);
        for (int i = 0; i < 250; i++) {
            csv.append("SK-BIG-").append(i).append(",Model,").append(padding).append(",BIG\n");
        }
        Api.Response r = upload(as("manager"), "/api/skus/import", "valid-rows", csv.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("file");
        assertThat(error.get("message").asString()).contains("larger than 2 MB");
        assertThat(r.body()).as("the padding is not echoed").doesNotContain(padding.substring(0, 300));
        assertThat(as("manager").get("/api/skus").body()).doesNotContain(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"agent", "exec", "store", "till"})
    void only_incident_managers_change_the_catalog(String user) {
        String code = "TST-" + unique();
        assertThat(as(user).post("/api/skus", """
                {"code": "%s", "model": "M", "colour": "C", "family": "F"}""".formatted(code)).status())
                .isEqualTo(403);
        assertThat(as(user).put("/api/skus/SK-LX09-CARBLA", """
                {"model": "M", "colour": "C", "family": "F"}""").status()).isEqualTo(403);
        assertThat(as(user).post("/api/stores/D-NY-UWS-04/close", null).status()).isEqualTo(403);
        assertThat(upload(as(user), "/api/skus/import", null, "code,model,colour,family\n" + code + ",M,C,F\n")
                .status()).isEqualTo(403);
        assertThat(upload(as(user), "/api/regions/import", null, "name,zone\nR" + code + ",UTC\n").status())
                .isEqualTo(403);
        assertThat(as("manager").get("/api/skus").body()).doesNotContain(code);
        assertThat(as("manager").get("/api/stores/D-NY-UWS-04").json().get("closed").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"agent", "exec", "store", "manager"})
    void everyone_signed_in_but_the_tills_reads_the_catalog(String user) {
        assertThat(as(user).get("/api/skus").status()).isEqualTo(200);
        assertThat(as(user).get("/api/regions").status()).isEqualTo(200);
        assertThat(as(user).get("/api/stores.csv").status()).isEqualTo(200);
    }

    @Test
    void the_tills_and_strangers_do_not_read_the_catalog() {
        assertThat(as("till").get("/api/regions").status()).isEqualTo(403);
        assertThat(as("till").get("/api/skus.csv").status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get("/api/skus").status()).isEqualTo(401);
    }

    @Test
    void a_sku_and_a_store_are_added_and_edited_and_every_problem_is_named_by_field() {
        String region = newRegion();
        Api manager = as("manager");
        Api.Response bad = manager.post("/api/stores", """
                {"code": "", "name": "X", "region": "Atlantis", "city": "", "type": "KIOSK",
                 "email": "nope", "zone": "Nowhere/Else"}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("fields").propertyNames()).containsExactlyInAnyOrder("code", "region", "city",
                "type", "email", "zone");

        String code = "T-" + unique();
        Api.Response added = manager.post("/api/stores", """
                {"code": "%s", "name": "Added Store", "region": "%s", "city": "Denver", "type": "COMPANY",
                 "email": "added@stores.example.com"}""".formatted(code.toLowerCase(), region));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("code").asString()).isEqualTo(code);
        assertThat(added.json().get("zone").asString()).as("the region's zone").isEqualTo("America/Denver");
        assertThat(manager.post("/api/stores", """
                {"code": "%s", "name": "Again", "region": "%s", "city": "Denver", "type": "COMPANY"}"""
                .formatted(code, region)).status()).isEqualTo(400);

        Api.Response edited = manager.put("/api/stores/" + code, """
                {"name": "Edited Store", "region": "%s", "city": "Aurora", "type": "DEALER",
                 "email": "edited@stores.example.com", "zone": "America/Denver"}""".formatted(region));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("type").asString()).isEqualTo("DEALER");
        Api.Response renamed = manager.put("/api/stores/" + code, """
                {"code": "OTHER-CODE", "name": "Edited Store", "region": "%s", "city": "Aurora", "type": "DEALER"}"""
                .formatted(region));
        assertThat(renamed.status()).isEqualTo(400);
        assertThat(renamed.json().get("fields").get("code").asString()).contains("never changes");

        String sku = "TST-" + unique();
        assertThat(manager.post("/api/skus", """
                {"code": "%s", "model": "Test Phone", "colour": "Grey", "family": ""}""".formatted(sku)).json()
                .get("fields").get("family").asString()).isEqualTo("is empty");
        assertThat(manager.post("/api/skus", """
                {"code": "%s", "model": "Test Phone", "colour": "Grey", "family": "testfam"}""".formatted(sku))
                .json().get("family").asString()).isEqualTo("TESTFAM");
        assertThat(manager.put("/api/skus/" + sku, """
                {"model": "Test Phone 2", "colour": "Blue", "family": "TESTFAM"}""").json().get("model").asString())
                .isEqualTo("Test Phone 2");

        JsonNode audit = manager.get("/api/audit?entityId=" + code + "&size=10").json().get("content");
        List<String> actions = new ArrayList<>();
        audit.forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).contains("STORE_ADDED", "STORE_CHANGED");
    }

    @Test
    void a_closed_store_keeps_its_history_its_tills_are_told_and_a_later_hold_skips_it_and_says_so() {
        String region = newRegion();
        String open = "T-" + unique();
        String closing = "T-" + unique();
        Api manager = as("manager");
        String sku = "TST-" + unique(); // a SKU no hold covers
        assertThat(manager.post("/api/skus", """
                {"code": "%s", "model": "Test Phone", "colour": "Grey", "family": "TESTFAM"}""".formatted(sku))
                .status()).isEqualTo(201);
        assertThat(upload(manager, "/api/stores/import", null, "code,name,region,city,type\n"
                + open + ",Open Store," + region + ",Denver,COMPANY\n"
                + closing + ",Closing Store," + region + ",Denver,COMPANY\n").status()).isEqualTo(200);
        assertThat(as("till").get("/api/sale-status?sku=" + sku + "&store=" + closing).json()
                .get("sellable").asBoolean()).isTrue();

        Api.Response closed = manager.post("/api/stores/" + closing + "/close", null);
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("closed").asBoolean()).isTrue();

        // the till's answer changes at once (the hold book is told), for every SKU
        JsonNode status = as("till").get("/api/sale-status?sku=" + sku + "&store=" + closing).json();
        assertThat(status.get("sellable").asBoolean()).isFalse();
        assertThat(status.get("reason").asString()).isEqualTo("store closed");
        assertThat(as("till").get("/api/sale-status?sku=" + sku + "&store=" + open).json().get("sellable")
                .asBoolean()).isTrue();

        long incident = as("manager").get("/api/incidents").json().get(0).get("id").asLong();
        Api.Response hold = manager.post("/api/holds", """
                {"incidentId": %d, "skus": ["%s"], "channels": ["RETAIL"], "regions": ["%s"],
                 "reason": "Closed-store test"}""".formatted(incident, sku, region));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        try {
            assertThat(hold.json().get("storeCount").asLong()).isEqualTo(1);
            assertThat(hold.json().get("closedStoresSkipped").asLong()).isEqualTo(1);
            long id = hold.json().get("id").asLong();
            assertThat(manager.get("/api/holds/" + id + "/acknowledgements").body()).contains(open)
                    .doesNotContain(closing);
            // still there, with its history: it is listed, marked closed
            assertThat(manager.get("/api/stores?q=" + closing).json().get("content").get(0).get("closed")
                    .asBoolean()).isTrue();
            assertThat(manager.post("/api/stores/" + closing + "/close", null).status()).as("closing twice")
                    .isEqualTo(200);
        } finally {
            manager.post("/api/holds/" + hold.json().get("id").asLong() + "/lift", "{\"reason\": \"test over\"}");
        }
    }

    @Test
    void a_sku_added_through_the_api_is_known_to_the_tills_at_once() {
        String sku = "TST-" + unique();
        assertThat(as("manager").post("/api/skus", """
                {"code": "%s", "model": "Test Phone", "colour": "Grey", "family": "TESTFAM"}""".formatted(sku))
                .status()).isEqualTo(201);
        JsonNode all = as("till").get("/api/sale-status?store=C-WA-SEA-01").json();
        List<String> skus = new ArrayList<>();
        all.forEach(s -> skus.add(s.get("sku").asString()));
        assertThat(skus).contains(sku);
    }

    @Test
    void an_export_imports_again_unchanged_and_formula_text_is_neutralised_both_ways() {
        String region = newRegion();
        String code = "T-" + unique();
        assertThat(as("manager").post("/api/stores", """
                {"code": "%s", "name": "=HYPERLINK(\\"http://x\\",\\"y\\")", "region": "%s", "city": "Denver",
                 "type": "DEALER"}""".formatted(code, region)).status()).isEqualTo(201);

        Api.Response stores = as("manager").get("/api/stores.csv");
        assertThat(stores.status()).isEqualTo(200);
        assertThat(stores.body()).startsWith("\uFEFFcode,name,region,city,type,email,zone,closed")
                .contains(code + ",\"'=HYPERLINK(");
        JsonNode again = upload(as("manager"), "/api/stores/import", null, stores.body()).json();
        assertThat(again.get("applied").asBoolean()).as(again.toString()).isTrue();
        assertThat(again.get("imported").asLong()).isZero();
        assertThat(again.get("updated").asLong()).isZero();
        assertThat(as("manager").get("/api/stores/" + code).json().get("name").asString())
                .startsWith("=HYPERLINK(");

        JsonNode skus = upload(as("manager"), "/api/skus/import", null, as("manager").get("/api/skus.csv").body())
                .json();
        assertThat(skus.get("updated").asLong() + skus.get("imported").asLong()).isZero();
        JsonNode regions = upload(as("manager"), "/api/regions/import", null,
                as("manager").get("/api/regions.csv").body()).json();
        assertThat(regions.get("updated").asLong() + regions.get("imported").asLong()).isZero();
    }

    @Test
    void the_catalog_workbook_has_a_sheet_each_in_the_import_columns() throws Exception {
        Api.Response xlsx = as("exec").send(as("exec").request("/api/exports/catalog.xlsx").GET());
        assertThat(xlsx.status()).isEqualTo(200);
        byte[] bytes = as("exec").send(as("exec").request("/api/exports/catalog.xlsx").GET()).raw().body()
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(bytes.length).isPositive();
        HttpResponse<byte[]> raw = HttpClient.newHttpClient().send(
                as("exec").request("/api/exports/catalog.xlsx").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(raw.body()))) {
            assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("SKUs");
            assertThat(book.getSheetAt(1).getSheetName()).isEqualTo("Stores");
            assertThat(book.getSheetAt(2).getSheetName()).isEqualTo("Regions");
            var header = book.getSheet("Stores").getRow(1);
            List<String> columns = new ArrayList<>();
            header.forEach(c -> columns.add(c.getStringCellValue()));
            assertThat(columns).isEqualTo(CatalogService.STORE_COLUMNS);
            assertThat(book.getSheet("Stores").getLastRowNum()).isGreaterThanOrEqualTo(301);
        }
    }
}
