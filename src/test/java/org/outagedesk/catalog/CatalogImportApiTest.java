package org.outagedesk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.catalog.CatalogTestSupport.errors;
import static org.outagedesk.catalog.CatalogTestSupport.newRegion;
import static org.outagedesk.catalog.CatalogTestSupport.unique;
import static org.outagedesk.catalog.CatalogTestSupport.upload;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The catalog's CSV imports through the API, by the subscriber import's rules: re-imports by code, every bad row by
 * line and field, all-or-nothing or valid rows, files refused whole (not CSV, wrong header, past the row or byte limit).
 */
@IntegrationTest
class CatalogImportApiTest {

    @LocalServerPort
    int port;

    Api as(String user) {
        return Api.as(port, user);
    }

    @Test
    void an_incident_manager_imports_stores_and_a_re_import_updates_them_by_code() {
        String region = newRegion(as("manager"));
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
        String region = newRegion(as("manager"));
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
        String region = newRegion(as("manager"));
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
        String region = newRegion(as("manager"));
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
}
