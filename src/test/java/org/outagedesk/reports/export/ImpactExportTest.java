package org.outagedesk.reports.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.reports.export.ExportTestSupport.download;
import static org.outagedesk.reports.export.ExportTestSupport.workbook;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.outagedesk.audit.AuditEntry;
import org.outagedesk.audit.AuditFilter;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.SystemActor;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.NewIncident;
import org.outagedesk.incident.Severity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class ImpactExportTest {

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000L * 100 + 7);
    private static final String EVIL = "=HYPERLINK(\"http://x\",\"y\")";
    private static final List<String> HEADERS = List.of("MSISDN", "Account", "Name", "SKU", "Store", "Region",
            "Status", "Categories", "Last contacted (America/Los_Angeles)", "Credits total (USD)");

    @LocalServerPort
    int port;
    @Autowired
    IncidentService incidents;
    @Autowired
    ImpactService impacts;
    @Autowired
    AuditService audit;
    @Autowired
    JdbcTemplate jdbc;

    long incident;
    String evil;
    String seattle;
    String newYork;

    @BeforeEach
    void ownIncidentWithThreeSubscribers() {
        incident = SystemActor.call(() -> incidents.create(new NewIncident("Export test " + UUID.randomUUID(),
                "test", Severity.SEV3, List.of("test"), "America/Los_Angeles",
                Instant.parse("2001-01-01T00:00:00Z")))).getId();
        evil = msisdn();
        seattle = msisdn();
        newYork = msisdn();
        String csv = "msisdn,account,name,sku,store,data_plan,status,categories,last_sync\n"
                + evil + ",ACC-E1,\"" + EVIL.replace("\"", "\"\"") + "\",SK-LX09-BLU,C-WA-SEA-01,true,LOST,PHOTOS,\n"
                + seattle + ",ACC-S1,Seattle Person,SK-LX09-BLU,C-WA-SEA-01,true,LOST,PHOTOS;CONTACTS,\n"
                + newYork + ",ACC-N1,New York Person,SK-S3-BLA,D-NY-UWS-01,true,DEVICE_ONLY,CONTACTS,\n";
        Api manager = Api.as(port, "manager");
        String boundary = "----ex" + UUID.randomUUID();
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"s.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        Api.Response imported = manager.send(manager.request("/api/incidents/" + incident + "/impacts/import")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        SystemActor.run(() -> impacts.logContact(incident, seattle, "called"));
        Api.Response credit = Api.as(port, "agent").post("/api/credits", "{\"msisdn\":\"" + seattle
                + "\",\"incidentId\":" + incident + ",\"reasonCode\":\"GOODWILL\",\"amount\":12.50}");
        assertThat(credit.status()).as(credit.body()).isEqualTo(201);
    }

    private static String msisdn() {
        return "+18" + String.format("%09d", NEXT.incrementAndGet() % 1_000_000_000L);
    }

    @Test
    void xlsx_holds_exactly_the_filtered_rows_with_typed_cells_matching_the_list() {
        HttpResponse<byte[]> r = download(port, "agent", "/api/exports/impacts.xlsx?incidentId=" + incident
                + "&status=LOST");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment", "affected-subscribers-incident-" + incident + "-", ".xlsx");
        XSSFWorkbook wb = workbook(r);
        XSSFSheet sheet = wb.getSheet("Affected subscribers");
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("by agent", "status Lost");
        assertThat(cells(sheet.getRow(1))).isEqualTo(HEADERS);
        assertThat(sheet.getLastRowNum()).as("title, header, the two LOST subscribers").isEqualTo(3);

        // literals: the two LOST subscribers of this test's own file, each once (two different rows)
        List<String> numbers = List.of(sheet.getRow(2).getCell(0).getStringCellValue(),
                sheet.getRow(3).getCell(0).getStringCellValue());
        assertThat(numbers).containsExactlyInAnyOrder(evil, seattle);
        for (int i = 2; i <= 3; i++) {
            Row row = sheet.getRow(i);
            boolean isSeattle = row.getCell(0).getStringCellValue().equals(seattle);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo(isSeattle ? "ACC-S1" : "ACC-E1");
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo(isSeattle ? "Seattle Person" : EVIL);
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo("SK-LX09-BLU");
            assertThat(row.getCell(4).getStringCellValue()).isEqualTo("C-WA-SEA-01");
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo("Pacific Northwest");
            assertThat(row.getCell(6).getStringCellValue()).isEqualTo("LOST");
            if (isSeattle) {
                assertThat(row.getCell(7).getStringCellValue()).isEqualTo("CONTACTS, PHOTOS");
                assertThat(DateUtil.isCellDateFormatted(row.getCell(8))).isTrue();
                // the contact was logged a moment ago
                assertThat(row.getCell(8).getLocalDateTimeCellValue()).isBetween(
                        LocalDateTime.now(ZoneId.of("America/Los_Angeles")).minusMinutes(10),
                        LocalDateTime.now(ZoneId.of("America/Los_Angeles")).plusMinutes(1));
                assertThat(row.getCell(9).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(12.5);
                assertThat(row.getCell(9).getCellStyle().getDataFormatString()).contains("$", "0.00");
            } else {
                assertThat(row.getCell(7).getStringCellValue()).isEqualTo("PHOTOS");
                assertThat(row.getCell(8)).isNull();
                assertThat(row.getCell(9).getNumericCellValue()).isZero();
            }
        }
    }

    @Test
    void a_formula_like_name_comes_out_inert_in_xlsx_and_csv() {
        XSSFSheet sheet = workbook(download(port, "exec", "/api/exports/impacts.xlsx?incidentId=" + incident
                + "&q=hyperlink")).getSheetAt(0);
        assertThat(sheet.getLastRowNum()).isEqualTo(2);
        var name = sheet.getRow(2).getCell(2);
        assertThat(name.getCellType()).isEqualTo(CellType.STRING);
        assertThat(name.getStringCellValue()).isEqualTo(EVIL);
        assertThat(name.getCellStyle().getQuotePrefixed()).isTrue();

        HttpResponse<byte[]> csv = download(port, "exec", "/api/exports/impacts.csv?incidentId=" + incident
                + "&q=hyperlink");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",").doesNotContain(",\"=HYPERLINK");
    }

    @Test
    void csv_has_a_bom_the_header_and_one_line_per_filtered_subscriber() {
        HttpResponse<byte[]> r = download(port, "manager", "/api/exports/impacts.csv?incidentId=" + incident
                + "&store=D-NY-UWS-01");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).contains(".csv");
        assertThat(r.body()).startsWith(0xEF, 0xBB, 0xBF);
        String[] lines = new String(r.body(), StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo(String.join(",", HEADERS));
        assertThat(lines[1]).isEqualTo(newYork + ",ACC-N1,New York Person,SK-S3-BLA,D-NY-UWS-01,"
                + "New York Metro,DEVICE_ONLY,CONTACTS,,0.00");
    }

    @Test
    void each_export_is_recorded_in_the_audit_trail_with_who_and_which_filter() {
        download(port, "agent", "/api/exports/impacts.csv?incidentId=" + incident + "&region=Northeast");
        List<AuditEntry> entries = SystemActor.call(() -> audit.find(new AuditFilter("agent", "IMPACTS_EXPORTED",
                null, String.valueOf(incident), null, null, null), PageRequest.of(0, 20))).getContent();
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo("IMPACTS_EXPORTED");
            assertThat(e.getActor()).isEqualTo("agent");
            assertThat(e.getEntityId()).isEqualTo(String.valueOf(incident));
            assertThat(e.getSummary()).contains("CSV", "region Northeast");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"store", "till"})
    void store_managers_and_tills_cannot_export_subscribers(String user) {
        assertThat(download(port, user, "/api/exports/impacts.xlsx?incidentId=" + incident).statusCode())
                .isEqualTo(403);
        assertThat(download(port, user, "/api/exports/impacts.csv?incidentId=" + incident).statusCode())
                .isEqualTo(403);
    }

    @Test
    void the_sample_incidents_twenty_thousand_subscribers_export_completely() {
        long sample = SystemActor.call(() -> incidents.findAll()).stream()
                .filter(i -> i.getTitle().startsWith("Sidekick data service outage")).findFirst().orElseThrow()
                .getId();
        // counted in SQL, not by the service the export calls
        Set<String> numbers = new HashSet<>(jdbc.queryForList("select s.msisdn from impact i"
                + " join subscriber s on s.id = i.subscriber_id where i.incident_id = ?", String.class, sample));
        long expected = numbers.size();
        assertThat(expected).isGreaterThanOrEqualTo(20_000);
        long start = System.nanoTime();
        HttpResponse<byte[]> csv = download(port, "exec", "/api/exports/impacts.csv?incidentId=" + sample);
        long csvMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        HttpResponse<byte[]> xlsx = download(port, "exec", "/api/exports/impacts.xlsx?incidentId=" + sample);
        long xlsxMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("export of %d subscribers: CSV %d ms (%d bytes), XLSX %d ms (%d bytes)%n", expected,
                csvMs, csv.body().length, xlsxMs, xlsx.body().length);
        String[] lines = new String(csv.body(), StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize((int) expected + 1);
        assertThat(Arrays.stream(lines).skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct())
                .as("every subscriber once").hasSize((int) expected).allMatch(numbers::contains);
        XSSFSheet sheet = workbook(xlsx).getSheetAt(0);
        assertThat(sheet.getLastRowNum() - 1).isEqualTo(expected);
        Set<String> inXlsx = new HashSet<>();
        for (int i = 2; i <= sheet.getLastRowNum(); i++) {
            inXlsx.add(sheet.getRow(i).getCell(0).getStringCellValue());
        }
        assertThat(inXlsx).isEqualTo(numbers);
    }

    @Test
    void an_unknown_incident_is_a_404_and_a_bad_status_a_400() {
        assertThat(download(port, "agent", "/api/exports/impacts.xlsx?incidentId=987654321").statusCode())
                .isEqualTo(404);
        assertThat(download(port, "agent", "/api/exports/impacts.xlsx?incidentId=" + incident + "&status=GONE")
                .statusCode()).isEqualTo(400);
    }

    private static List<String> cells(Row row) {
        List<String> out = new ArrayList<>();
        row.forEach(c -> out.add(c.getStringCellValue()));
        return out;
    }
}
