package org.outagedesk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.catalog.CatalogTestSupport.newRegion;
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

/** The catalog through the API: single changes, closing, exports, roles (the CSV imports: CatalogImportApiTest). */
@IntegrationTest
class CatalogApiTest {

    @LocalServerPort
    int port;

    Api as(String user) {
        return Api.as(port, user);
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
        String region = newRegion(as("manager"));
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
        String region = newRegion(as("manager"));
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
        String region = newRegion(as("manager"));
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
