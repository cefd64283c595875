package org.outagedesk.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.outagedesk.Api;
import org.outagedesk.Waits;

/**
 * What differs most between H2 and PostgreSQL, run against the application on PostgreSQL until the whole suite
 * runs there: an import (staging table and set-based merge), the credit cap under concurrency (row locks), a
 * campaign (INSERT ... SELECT with the cap), a sales import and an export. Money is read with SQL.
 */
final class PostgresChecks {

    private PostgresChecks() {
    }

    static void run(int port, DataSource database) throws Exception {
        Api manager = Api.as(port, "manager");
        Api.Response created = manager.post("/api/incidents", """
                {"title": "PostgreSQL check %s", "description": "test", "severity": "SEV3", "affectedServices": ["x"],
                 "referenceZone": "America/Los_Angeles", "startedAt": "2001-01-01T00:00:00Z"}"""
                .formatted(UUID.randomUUID()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long incident = created.json().get("id").asLong();

        // an import: three subscribers through the staging table and the merge
        String a = "+447000000001";
        String b = "+447000000002";
        String c = "+447000000003";
        String csv = "msisdn,account,name,sku,store,data_plan,status,categories,last_sync\n"
                + a + ",ACC-PG1,Pg One,SK-LX09-BLU,D-NY-UWS-01,true,LOST,PHOTOS,\n"
                + b + ",ACC-PG2,Pg Two,SK-LX09-BLU,D-NY-UWS-01,true,LOST,CONTACTS,\n"
                + c + ",ACC-PG3,Pg Three,SK-S3-BLA,C-WA-SEA-01,true,DEVICE_ONLY,,\n";
        Api.Response imported = multipart(manager, "/api/incidents/" + incident + "/impacts/import", csv);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("imported").asLong()).isEqualTo(3);
        assertThat(count(database, "select count(*) from impact where incident_id = ?", incident)).isEqualTo(3);

        // the credit cap under concurrency: 10 x $20 at once, 7 fit under $150
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            calls.add(() -> manager.post("/api/credits", "{\"msisdn\":\"" + a + "\",\"incidentId\":" + incident
                    + ",\"reasonCode\":\"GOODWILL\",\"amount\":20.00,\"note\":\"pg\"}").status());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses.stream().filter(s -> s == 201).count()).as(statuses.toString()).isEqualTo(7);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(3);
        assertThat(sum(database, incident)).isEqualByComparingTo("140.00");

        // a campaign: $100 to the LOST subscribers, capped for the one already at $140
        Api.Response campaign = manager.post("/api/campaigns", "{\"incidentId\":" + incident + ",\"name\":\"PG\","
                + "\"tiers\":[{\"name\":\"Loss\",\"rules\":{\"statuses\":[\"LOST\"]},\"reasonCode\":\"PERMANENT_LOSS\","
                + "\"amount\":100.00}]}");
        assertThat(campaign.status()).as(campaign.body()).isEqualTo(201);
        long id = campaign.json().get("id").asLong();
        assertThat(manager.post("/api/campaigns/" + id + "/submit", null).status()).isEqualTo(200);
        assertThat(Api.as(port, "manager2").post("/api/campaigns/" + id + "/approve", null).status()).isEqualTo(200);
        Waits.waitUpTo(Duration.ofSeconds(120), Duration.ofMillis(100), "the campaign completes")
                .until(() -> manager.get("/api/campaigns/" + id).json().get("status").asString().equals("COMPLETED"));
        assertThat(sum(database, incident)).as("140 + 10 (capped) + 100").isEqualByComparingTo("250.00");
        assertThat(count(database, "select count(*) from credit where campaign_id = ?", id)).isEqualTo(2);

        // a daily sales file
        Api till = Api.as(port, "till");
        Api.Response sales = till.send(till.request("/api/sales/import").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("store,sku,quantity,soldAt\n"
                        + "D-OR-POR-02,G1-BLA,3,2009-10-14T15:00:00Z\n")));
        assertThat(sales.status()).as(sales.body()).isEqualTo(200);
        assertThat(count(database, "select sum(quantity) from sale where store_code = 'D-OR-POR-02'"
                + " and sku_code = 'G1-BLA' and ? > 0", 1)).isEqualTo(3);

        // an export: the incident's subscribers as CSV
        Api.Response export = manager.get("/api/exports/impacts.csv?incidentId=" + incident);
        assertThat(export.status()).isEqualTo(200);
        String[] lines = export.body().replace("\uFEFF", "").split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[1] + lines[2] + lines[3]).contains(a, b, c);
    }

    private static Api.Response multipart(Api api, String path, String csv) {
        String boundary = "----pg" + UUID.randomUUID();
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"pg.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        return api.send(api.request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static long count(DataSource database, String sql, long parameter) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static BigDecimal sum(DataSource database, long incident) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement("select coalesce(sum(amount), 0) from credit"
                        + " where incident_id = ? and status = 'ISSUED'")) {
            statement.setLong(1, incident);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }
}
