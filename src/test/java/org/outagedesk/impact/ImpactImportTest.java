package org.outagedesk.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.impact.ImpactTestSupport.HEADER;
import static org.outagedesk.impact.ImpactTestSupport.row;
import static org.outagedesk.impact.ImpactTestSupport.uniqueMsisdn;
import static org.outagedesk.impact.ImpactTestSupport.upload;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.outagedesk.incident.IncidentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ImpactImportTest {

    @LocalServerPort
    int port;
    @Autowired
    IncidentService incidents;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ImportStaging staging;
    @Autowired
    StagingWriter writer;

    long incident;
    Api manager;

    @BeforeEach
    void ownIncident() {
        incident = ImpactTestSupport.newIncident(incidents, "Import test");
        manager = Api.as(port, "manager");
    }

    @Test
    void a_file_with_bad_rows_is_refused_listing_each_line_and_field_and_nothing_is_imported() {
        String good = uniqueMsisdn();
        String twice = uniqueMsisdn();
        String csv = HEADER
                + row(good, "SK-S3-BLA", "D-NY-UWS-01", "DEVICE_ONLY", "CONTACTS;PHOTOS")        // line 2
                + row("12ab", "SK-S3-BLA", "D-NY-UWS-01", "LOST", "")                             // 3
                + row(uniqueMsisdn(), "NOKIA-9999", "D-NY-UWS-01", "LOST", "")                    // 4
                + row(uniqueMsisdn(), "SK-S3-BLA", "X-NOWHERE", "LOST", "")                      // 5
                + row(uniqueMsisdn(), "SK-S3-BLA", "D-NY-UWS-01", "GONE", "")                     // 6
                + row(uniqueMsisdn(), "SK-S3-BLA", "D-NY-UWS-01", "LOST", "CONTACTS;VIDEOS")      // 7
                + row(twice, "SK-S3-BLA", "D-NY-UWS-01", "LOST", "")                              // 8
                + row(twice, "SK-S3-BLA", "D-NY-UWS-01", "LOST", "")                              // 9
                + uniqueMsisdn() + ",ACC1,Too Short,SK-S3-BLA,D-NY-UWS-01,true,LOST\n"            // 10
                + uniqueMsisdn() + ",ACC1,Bad Date,SK-S3-BLA,D-NY-UWS-01,true,LOST,,yesterday\n"  // 11
                + uniqueMsisdn() + ",ACC1,Bad Plan,SK-S3-BLA,D-NY-UWS-01,maybe,LOST,,\n";         // 12

        Api.Response response = upload(manager, incident, null, csv);

        assertThat(response.status()).isEqualTo(422);
        JsonNode body = response.json();
        assertThat(body.get("applied").asBoolean()).isFalse();
        assertThat(body.get("imported").asLong()).isZero();
        assertThat(body.get("rejected").asLong()).isEqualTo(9);
        assertThat(lineAndField(body)).containsExactly("3 msisdn", "4 sku", "5 store", "6 status", "7 categories",
                "9 msisdn", "10 row", "11 last_sync", "12 data_plan");
        assertThat(message(body, 9)).contains("first on line 8");
        assertThat(message(body, 4)).contains("NOKIA-9999");
        assertThat(total(incident)).isZero();
        assertThat(manager.get("/api/subscribers/" + good).status()).isEqualTo(404);
        assertThat(stagingTables()).as("the import's staging table is dropped").isEmpty();
    }

    @Test
    void staging_tables_left_by_a_stopped_process_are_dropped_at_start_once_a_day_old() {
        long now = Instant.now().getEpochSecond();
        String old = ImportStaging.staging((now - 2 * 86_400) + "-00112233aabbccdd");
        String young = ImportStaging.staging((now - 60) + "-00112233aabbccdd");
        jdbc.execute("create table " + old + " (line bigint)");
        jdbc.execute("create table " + young + " (line bigint)");
        try {
            staging.dropLeftStaging();
            assertThat(stagingTables()).doesNotContain(old).contains(young);
        } finally {
            jdbc.execute("drop table if exists " + old);
            jdbc.execute("drop table if exists " + young);
        }
    }

    @Test
    void a_failure_during_the_merge_rolls_back_every_statement_of_it() {
        String known = uniqueMsisdn();
        assertThat(upload(manager, incident, null, HEADER + row(known, "SK-S3-BLA", "D-NY-UWS-01", "LOST", "PHOTOS"))
                .status()).isEqualTo(200);
        String knownName = jdbc.queryForObject("select name from subscriber where msisdn = ?", String.class, known);
        String fresh = uniqueMsisdn();
        String fileName = "merge-fails-" + UUID.randomUUID() + ".csv";
        String csv = HEADER + known + ",ACC-R1,Renamed Person,SK-S3-BLA,D-NY-UWS-02,false,LOST,PHOTOS,"
                + "2009-10-01T14:22:05-07:00\n" + row(fresh, "SK-S3-BLA", "D-NY-UWS-01", "LOST", "");
        // the merge's last statement (the first status of new impacts) fails: the database refuses its reason
        jdbc.execute("alter table impact_status_change add constraint merge_fails_test_ck check (reason <> '"
                + "Imported from " + fileName + "')");
        Api.Response failed;
        try {
            failed = upload(manager, incident, null, csv.getBytes(StandardCharsets.UTF_8), fileName);
        } finally {
            jdbc.execute("alter table impact_status_change drop constraint merge_fails_test_ck");
        }
        assertThat(failed.status()).as(failed.body()).isGreaterThanOrEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from subscriber where msisdn = ?", Long.class, fresh))
                .as("the new subscriber's insert is undone").isZero();
        assertThat(jdbc.queryForObject("select name from subscriber where msisdn = ?", String.class, known))
                .as("the known subscriber's update is undone").isEqualTo(knownName);
        assertThat(jdbc.queryForObject("select i.store_code from impact i join subscriber s on s.id = i.subscriber_id"
                + " where s.msisdn = ? and i.incident_id = ?", String.class, known, incident))
                .as("the impact's update is undone").isEqualTo("D-NY-UWS-01");
        assertThat(jdbc.queryForObject("select count(*) from impact_status_change where incident_id = ?", Long.class,
                incident)).as("only the first import's history").isEqualTo(1);
        assertThat(total(incident)).isEqualTo(1);
        assertThat(stagingTables()).isEmpty();
    }

    private List<String> stagingTables() {
        return jdbc.queryForList("select lower(table_name) from information_schema.tables"
                + " where lower(table_name) like 'impact\\_import\\_%' escape '\\'"
                + " and lower(table_name) <> 'impact_import_row'", String.class);
    }

    @Test
    void valid_rows_mode_imports_the_good_rows_and_reports_the_bad_ones() {
        String a = uniqueMsisdn();
        String b = uniqueMsisdn();
        String csv = HEADER + row(a, "SK-S3-BLA", "D-NY-UWS-01", "DEVICE_ONLY", "CONTACTS")
                + row("+1", "SK-S3-BLA", "D-NY-UWS-01", "LOST", "")
                + row(b, "G1-BLA", "C-WA-SEA-01", "NOT_AFFECTED", "");

        Api.Response response = upload(manager, incident, "valid-rows", csv);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("imported").asLong()).isEqualTo(2);
        assertThat(body.get("rejected").asLong()).isEqualTo(1);
        assertThat(lineAndField(body)).containsExactly("3 msisdn");
        assertThat(total(incident)).isEqualTo(2);
        JsonNode subscriber = manager.get("/api/subscribers/" + b).json();
        assertThat(subscriber.get("region").asString()).isEqualTo("Pacific Northwest");
    }

    @Test
    void importing_again_updates_by_msisdn_and_records_the_status_change() {
        String msisdn = uniqueMsisdn();
        upload(manager, incident, null, HEADER + row(msisdn, "SK-S3-BLA", "D-NY-UWS-01", "DEVICE_ONLY", "PHOTOS"));

        Api.Response again = upload(manager, incident, null, HEADER
                + row(msisdn, "SK-S3-BLA", "D-NY-UWS-02", "RECOVERED", "PHOTOS;SMS"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("imported").asLong()).isZero();
        assertThat(again.json().get("updated").asLong()).isEqualTo(1);
        JsonNode subscriber = manager.get("/api/subscribers/" + msisdn).json();
        assertThat(subscriber.get("store").asString()).isEqualTo("D-NY-UWS-02");
        JsonNode impact = subscriber.get("impacts").get(0);
        assertThat(impact.get("status").asString()).isEqualTo("RECOVERED");
        assertThat(impact.get("categories").toString()).contains("PHOTOS", "SMS");
        JsonNode history = impact.get("history");
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).get("from").asString()).isEqualTo("DEVICE_ONLY");
        assertThat(history.get(0).get("to").asString()).isEqualTo("RECOVERED");
        assertThat(history.get(0).get("by").asString()).isEqualTo("manager");
        assertThat(history.get(1).get("from").isNull()).isTrue();
    }

    @Test
    void a_byte_order_mark_and_number_formatting_are_tolerated() {
        String msisdn = uniqueMsisdn();
        String typed = "+1 (" + msisdn.substring(2, 5) + ") " + msisdn.substring(5, 8) + "-" + msisdn.substring(8);
        String csv = "\uFEFF" + HEADER + "\"" + typed + "\",ACC9,\"Doe, Jane\",SK-S3-BLA,d-ny-uws-01,TRUE,lost,"
                + "contacts;photos,\n";

        Api.Response response = upload(manager, incident, null, csv);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode subscriber = manager.get("/api/subscribers/" + msisdn).json();
        assertThat(subscriber.get("name").asString()).isEqualTo("Doe, Jane");
        assertThat(subscriber.get("impacts").get(0).get("status").asString()).isEqualTo("LOST");
    }

    @Test
    void empty_spreadsheet_wrongly_encoded_and_headerless_files_get_a_clear_error() {
        assertThat(fileError(new byte[0])).contains("empty");
        assertThat(fileError(HEADER.getBytes(StandardCharsets.UTF_8))).contains("no subscriber rows");
        assertThat(fileError(new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0})).contains("Excel");
        byte[] latin1 = (HEADER + row(uniqueMsisdn(), "SK-S3-BLA", "D-NY-UWS-01", "LOST", "")
                .replace("Test Person", "Zoë Müller")).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(fileError(latin1)).contains("not UTF-8");
        assertThat(fileError("name,phone\nJane,+12065550100\n".getBytes(StandardCharsets.UTF_8)))
                .contains("header msisdn,account,name");
        assertThat(total(incident)).isZero();
    }

    /**
     * Every text reaches the database as written, whatever the engine's staging writer (a batch on H2, COPY in CSV on
     * PostgreSQL: quotes, commas, backslashes, "\N" and an empty-looking value must survive its quoting), and a
     * control character is refused with its line, field and position.
     */
    @Test
    void names_keep_every_character_and_control_characters_are_refused_by_line_and_field() {
        String quoted = uniqueMsisdn();
        String backslash = uniqueMsisdn();
        String csv = HEADER
                + quoted + ",\"ACC \"\"7\"\"\",\"O'Brien, \"\"Jr.\"\" Zoë 東京 😀\",SK-S3-BLA,D-NY-UWS-01,true,LOST,,\n"
                + backslash + ",\\N,\"C:\\temp\\new \\N\",SK-S3-BLA,D-NY-UWS-01,false,LOST,,\n"
                + uniqueMsisdn() + ",ACC1,\"Nul\u0000Byte\",SK-S3-BLA,D-NY-UWS-01,true,LOST,,\n"         // line 4
                + uniqueMsisdn() + ",\"AC\tC\",Tab In Account,SK-S3-BLA,D-NY-UWS-01,true,LOST,,\n"       // line 5
                + uniqueMsisdn() + ",ACC1,\"Two\nLines\",SK-S3-BLA,D-NY-UWS-01,true,LOST,,\n";          // line 6-7

        Api.Response refused = upload(manager, incident, null, csv);

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(lineAndField(refused.json())).containsExactly("4 name", "5 account", "6 name");
        assertThat(message(refused.json(), 4)).isEqualTo("holds a control character (U+0000) at position 4");
        assertThat(message(refused.json(), 5)).isEqualTo("holds a control character (U+0009) at position 3");
        assertThat(total(incident)).isZero();

        Api.Response imported = upload(manager, incident, "valid-rows", csv);

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("imported").asLong()).isEqualTo(2);
        assertThat(jdbc.queryForList("select account_number || '|' || name from subscriber where msisdn in (?, ?)"
                + " order by msisdn", String.class, quoted, backslash)).containsExactlyInAnyOrder(
                        "ACC \"7\"|O'Brien, \"Jr.\" Zoë 東京 😀", "\\N|C:\\temp\\new \\N");
        assertThat(jdbc.queryForObject("select data_plan from subscriber where msisdn = ?", Boolean.class, backslash))
                .isFalse();
    }

    /**
     * A node restarted after a crash (the demo's sample data is imported at start) must not wait for the dead
     * process's heartbeat to lapse: a running import owned by a process of this host that has ended is failed at
     * once; one owned by a live process or another host still blocks.
     */
    @Test
    void an_import_left_running_by_an_ended_process_of_this_host_does_not_block_the_next() throws Exception {
        String host = java.net.InetAddress.getLocalHost().getHostName();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String row = HEADER + row(uniqueMsisdn(), "SK-S3-BLA", "D-NY-UWS-01", "LOST", "");
        for (String owner : List.of("1@" + host, gone.pid() + "@another-host")) {
            leftRunning(owner);
            assertThat(upload(manager, incident, null, row).status()).as(owner).isEqualTo(409);
            jdbc.update("update import_job set running_incident_id = null where running_incident_id = ?", incident);
        }

        leftRunning(gone.pid() + "@" + host);

        Api.Response next = upload(manager, incident, null, row);
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from import_job where incident_id = ? and phase = 'FAILED'"
                + " and failure like 'The node running this import stopped%'", Long.class, incident)).isEqualTo(1);
    }

    private void leftRunning(String owner) {
        jdbc.update("insert into import_job (id, incident_id, running_incident_id, file_name, started_by, started_at,"
                + " phase, progress, rows_read, job_owner, heartbeat_at) values (?, ?, ?, 'left.csv', 'manager',"
                + " current_timestamp, 'CHECKING', 0, 0, ?, current_timestamp)", UUID.randomUUID().toString(),
                incident, incident, owner);
    }

    @Test
    void rows_are_staged_by_the_engines_own_writer() {
        String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        assertThat(writer).isInstanceOf("PostgreSQL".equals(product) ? StagingWriter.PostgresCopy.class
                : StagingWriter.BatchInsert.class);
    }

    @Test
    void only_incident_managers_may_import() {
        String csv = HEADER + row(uniqueMsisdn(), "SK-S3-BLA", "D-NY-UWS-01", "LOST", "");
        for (String user : List.of("agent", "exec", "store", "till")) {
            assertThat(upload(Api.as(port, user), incident, null, csv).status()).as(user).isEqualTo(403);
        }
        assertThat(total(incident)).isZero();
    }

    @Test
    void an_unknown_mode_is_refused() {
        Api.Response response = upload(manager, incident, "some-rows",
                HEADER + row(uniqueMsisdn(), "SK-S3-BLA", "D-NY-UWS-01", "LOST", ""));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("fields").get("mode").asString()).contains("valid-rows");
    }

    private String fileError(byte[] content) {
        Api.Response response = upload(manager, incident, null, content, "file.csv");
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        JsonNode error = response.json().get("errors").get(0);
        return error.get("field").asString() + ": " + error.get("message").asString();
    }

    private long total(long incidentId) {
        return manager.get("/api/incidents/" + incidentId + "/impacts/counts").json().get("total").asLong();
    }

    private static List<String> lineAndField(JsonNode body) {
        List<String> list = new ArrayList<>();
        for (JsonNode e : body.get("errors")) {
            list.add(e.get("line").asLong() + " " + e.get("field").asString());
        }
        return list;
    }

    private static String message(JsonNode body, long line) {
        for (JsonNode e : body.get("errors")) {
            if (e.get("line").asLong() == line) {
                return e.get("message").asString();
            }
        }
        return "";
    }
}
