package org.outagedesk.holds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A till's daily sales file as hostile input: bounded while it is read (413 past the limit), refused in plain words
 * where the parser stops, values quoted short, and nothing of a refused file kept. The file's rules are in
 * {@code HoldApiTest}.
 */
@IntegrationTest
class SalesFileLimitsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_hostile_sales_file_is_refused_in_plain_words_bounded_and_nothing_of_it_is_kept() {
        long salesBefore = salesAt("D-NY-UWS-03");
        // one field of 11 MB: past the sales file's limit (10 MB), refused while it is read, nothing applied
        String huge = "store,sku,quantity,soldAt\nD-NY-UWS-03,G1-BRO,1,2009-10-20T10:00:00Z\n" + "X".repeat(11 << 20);
        Api.Response tooLarge = importCsv("till", huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).contains("application/problem+json");
        assertThat(tooLarge.json().get("detail").asString()).isEqualTo("The sales file is larger than 10 MB: nothing"
                + " of it was applied; send it in smaller files");
        assertThat(tooLarge.body().length()).isLessThan(1000);
        assertThat(salesAt("D-NY-UWS-03")).isEqualTo(salesBefore);

        // a quote opened and never closed: where, in words, never the parser's message
        Api.Response unreadable = importCsv("till", "store,sku,quantity,soldAt\n"
                + "D-NY-UWS-03,G1-BRO,1,2009-10-20T10:00:00Z\nD-NY-UWS-03,\"G1-BRO,1,2009-10-20T10:00:00Z\n");
        assertThat(unreadable.status()).isEqualTo(422);
        JsonNode error = unreadable.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("file");
        assertThat(error.get("message").asString()).startsWith("Not a readable CSV file near line ")
                .doesNotContain("Exception").doesNotContain("org.apache");
        assertThat(salesAt("D-NY-UWS-03")).isEqualTo(salesBefore);

        // a store of 100,000 characters is quoted short, not echoed whole
        Api.Response unknown = importCsv("till", "store,sku,quantity,soldAt\n" + "S".repeat(100_000)
                + ",G1-BRO,1,2009-10-20T10:00:00Z\n");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("store");
        assertThat(unknown.body().length()).isLessThan(2000);

        // a header naming a column twice: the header, in words
        Api.Response twice = importCsv("till", "store,store,quantity,soldAt\nD-NY-UWS-03,G1-BRO,1,"
                + "2009-10-20T10:00:00Z\n");
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.json().get("errors").get(0).get("field").asString()).isEqualTo("header");
        assertThat(twice.body()).doesNotContain("Exception").doesNotContain("duplicate name");
        assertThat(salesAt("D-NY-UWS-03")).isEqualTo(salesBefore);
    }

    private Api.Response importCsv(String user, String csv) {
        Api api = Api.as(port, user);
        return api.send(api.request("/api/sales/import").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    private long salesAt(String store) {
        return jdbc.queryForObject("select count(*) from sale where store_code = ?", Long.class, store);
    }
}
