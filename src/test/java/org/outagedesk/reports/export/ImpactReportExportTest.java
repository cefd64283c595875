package org.outagedesk.reports.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.reports.export.ExportTestSupport.download;
import static org.outagedesk.reports.export.ExportTestSupport.workbook;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.outagedesk.audit.AuditFilter;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.SystemActor;
import org.outagedesk.impact.DataLossStatus;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.TimelineEntry;
import org.outagedesk.incident.TimelineFilter;
import org.outagedesk.incident.TimelineService;
import org.outagedesk.incident.Visibility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ImpactReportExportTest {

    static final String SAMPLE_TITLE = "Sidekick data service outage and data loss";

    @LocalServerPort
    int port;
    @Autowired
    IncidentService incidents;
    @Autowired
    TimelineService timeline;
    @Autowired
    AuditService audit;
    @Autowired
    JdbcTemplate jdbc;

    Incident sample;

    @BeforeEach
    void sampleIncident() {
        sample = SystemActor.call(() -> incidents.findAll()).stream()
                .filter(i -> i.getTitle().equals(SAMPLE_TITLE)).findFirst().orElseThrow();
    }

    private String report() {
        return "/api/exports/impact-report.xlsx?incidentId=" + sample.getId();
    }

    /** The row after a section's title and header: the first figure of that section. */
    private static int firstRowOf(XSSFSheet sheet, String section) {
        for (Row r : sheet) {
            Cell c = r.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(section)) {
                return r.getRowNum() + 2;
            }
        }
        throw new AssertionError("No section '" + section + "'");
    }

    private static Row rowLabelled(XSSFSheet sheet, String label) {
        for (Row r : sheet) {
            Cell c = r.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(label)) {
                return r;
            }
        }
        throw new AssertionError("No row '" + label + "'");
    }

    private static double number(Row r, int col) {
        Cell c = r.getCell(col);
        assertThat(c.getCellType()).as("%s of '%s'", col, r.getCell(0)).isEqualTo(CellType.NUMERIC);
        return c.getNumericCellValue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"exec", "manager"})
    void executives_and_incident_managers_get_a_summary_equal_to_the_summary_api(String user) {
        HttpResponse<byte[]> r = download(port, user, report());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("impact-report-incident-" + sample.getId() + "-", ".xlsx");
        JsonNode s = Api.as(port, user).get("/api/incidents/" + sample.getId() + "/summary").json();
        XSSFWorkbook book = workbook(r);
        assertThat(book.getSheetName(0)).isEqualTo("Summary");
        assertThat(book.getSheetName(1)).isEqualTo("Timeline");
        XSSFSheet summary = book.getSheet("Summary");
        assertThat(summary.getRow(0).getCell(0).getStringCellValue())
                .contains("Impact report of incident " + sample.getId(), SAMPLE_TITLE, "by " + user);

        JsonNode subs = s.get("subscribers");
        int row = firstRowOf(summary, ImpactReportWorkbook.BY_STATUS);
        for (DataLossStatus status : DataLossStatus.values()) {
            Row statusRow = summary.getRow(row++);
            assertThat(statusRow.getCell(0).getStringCellValue()).isEqualTo(status.label());
            assertThat((long) number(statusRow, 1)).as(status.name())
                    .isEqualTo(subs.get("byStatus").get(status.name()).asLong());
        }
        assertThat(subs.get("byStatus").get("LOST").asLong()).isPositive();
        assertThat((long) number(rowLabelled(summary, "Total affected (not counting Not affected)"), 1))
                .as("the subscribers listed as not affected are not counted as affected")
                .isEqualTo(subs.get("total").asLong() - subs.get("byStatus").get("NOT_AFFECTED").asLong());
        assertThat((long) number(rowLabelled(summary, "Contacted at least once"), 1))
                .isEqualTo(subs.get("contacted").asLong());
        Row share = rowLabelled(summary, "Contacted share");
        assertThat(BigDecimal.valueOf(number(share, 1)).movePointRight(2).setScale(1, RoundingMode.HALF_UP))
                .isEqualByComparingTo(subs.get("contactedPercent").decimalValue());
        assertThat(share.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0.0%");

        int region = firstRowOf(summary, "Affected subscribers by region of the home store");
        for (var e : subs.get("byRegion").properties()) {
            Row regionRow = summary.getRow(region++);
            assertThat(regionRow.getCell(0).getStringCellValue()).isEqualTo(e.getKey());
            assertThat((long) number(regionRow, 1)).isEqualTo(e.getValue().asLong());
        }
        for (String[] part : new String[][] {{"Affected subscribers by data category concerned", "byCategory"},
            {"Affected subscribers by device SKU", "bySku"}}) {
            int partRow = firstRowOf(summary, part[0]);
            for (var e : subs.get(part[1]).properties()) {
                Row line = summary.getRow(partRow++);
                assertThat(line.getCell(0).getStringCellValue()).isEqualTo(e.getKey());
                assertThat((long) number(line, 1)).isEqualTo(e.getValue().asLong());
            }
        }

        JsonNode credits = s.get("credits");
        for (String[] f : new String[][] {{"Credits issued", "issued"}, {"Credits pending approval", "pending"},
            {"Credits reversed", "reversed"}}) {
            Row fr = rowLabelled(summary, f[0]);
            assertThat((long) number(fr, 1)).isEqualTo(credits.get(f[1]).get("count").asLong());
            assertThat(BigDecimal.valueOf(number(fr, 2))).isEqualByComparingTo(
                    credits.get(f[1]).get("amount").get("amount").decimalValue());
            assertThat(fr.getCell(2).getCellStyle().getDataFormatString()).contains("0.00");
        }
        assertThat(BigDecimal.valueOf(number(rowLabelled(summary, "Total cost (issued minus reversed)"), 2)))
                .isEqualByComparingTo(credits.get("totalCost").get("amount").decimalValue());
        int reason = firstRowOf(summary, "Credits by reason (USD)");
        for (JsonNode rs : credits.get("byReason")) {
            Row rr = summary.getRow(reason++);
            assertThat(rr.getCell(1).getStringCellValue()).isEqualTo(rs.get("code").asString());
            assertThat(BigDecimal.valueOf(number(rr, 2)))
                    .isEqualByComparingTo(rs.get("issued").get("amount").decimalValue());
        }

        JsonNode holds = s.get("holds");
        assertThat((long) number(rowLabelled(summary, "Active holds"), 1)).isEqualTo(holds.get("active").asLong());
        assertThat((long) number(rowLabelled(summary, "Stores that acknowledged"), 1))
                .isEqualTo(holds.get("acknowledged").asLong());
        assertThat((long) number(rowLabelled(summary, "Stores overdue"), 1)).isEqualTo(holds.get("overdue").asLong());
        Row compliance = rowLabelled(summary, "Acknowledgement compliance");
        assertThat(Math.round(number(compliance, 1) * 100)).isEqualTo(holds.get("compliancePercent").asLong());
        assertThat(compliance.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0%");
        assertThat((long) number(rowLabelled(summary, "Sales during a hold (violations)"), 1))
                .isEqualTo(s.get("violations").asLong());

        Row detect = rowLabelled(summary, "Time to detect");
        assertThat(Math.round(number(detect, 1) * 86_400)).isEqualTo(s.get("secondsToDetect").asLong());
        Row resolve = rowLabelled(summary, "Time to resolve");
        if (s.get("secondsToResolve").isNull()) {
            assertThat(resolve.getCell(2).getStringCellValue()).isEqualTo("not yet");
        } else {
            assertThat(Math.round(number(resolve, 1) * 86_400)).isEqualTo(s.get("secondsToResolve").asLong());
        }
        Row started = rowLabelled(summary, "Started at");
        assertThat(DateUtil.isCellDateFormatted(started.getCell(1))).isTrue();
        assertThat(started.getCell(1).getLocalDateTimeCellValue())
                .isEqualTo(LocalDateTime.ofInstant(sample.getStartedAt(), sample.getReferenceZone()).withNano(0));
    }

    /**
     * The report's figures against the database itself (issue 21): the test above compares the workbook with the
     * summary API, which is the service the report calls, so a wrong summary would pass there; here each figure is
     * counted with SQL.
     */
    @Test
    void the_reports_figures_equal_the_database_counted_with_sql() {
        XSSFSheet summary = workbook(download(port, "exec", report())).getSheet("Summary");
        long id = sample.getId();
        int row = firstRowOf(summary, ImpactReportWorkbook.BY_STATUS);
        for (DataLossStatus status : DataLossStatus.values()) {
            assertThat((long) number(summary.getRow(row++), 1)).as(status.name()).isEqualTo(jdbc.queryForObject(
                    "select count(*) from impact where incident_id = ? and status = ?", Long.class, id, status.name()));
        }
        assertThat((long) number(rowLabelled(summary, "Total affected (not counting Not affected)"), 1))
                .isEqualTo(jdbc.queryForObject("select count(*) from impact where incident_id = ?"
                        + " and status <> 'NOT_AFFECTED'", Long.class, id));
        assertThat((long) number(rowLabelled(summary, "Contacted at least once"), 1)).isEqualTo(jdbc.queryForObject(
                "select count(*) from impact where incident_id = ? and last_contacted_at is not null", Long.class, id));
        Row issued = rowLabelled(summary, "Credits issued");
        assertThat((long) number(issued, 1)).isEqualTo(jdbc.queryForObject("select count(*) from credit"
                + " where incident_id = ? and entry_type = 'CREDIT' and status in ('ISSUED', 'REVERSED')", Long.class,
                id));
        assertThat((long) number(rowLabelled(summary, "Credits pending approval"), 1)).isEqualTo(jdbc.queryForObject(
                "select count(*) from credit where incident_id = ? and status = 'PENDING_APPROVAL'", Long.class, id));
        assertThat((long) number(rowLabelled(summary, "Sales during a hold (violations)"), 1)).isEqualTo(
                jdbc.queryForObject("select count(*) from sale_violation where incident_id = ?", Long.class, id));
        // a known fact of the 2009 sample, whatever the services say: subscribers lost their data
        assertThat((long) number(summary.getRow(firstRowOf(summary, ImpactReportWorkbook.BY_STATUS)
                + Arrays.asList(DataLossStatus.values()).indexOf(DataLossStatus.LOST)), 1)).isPositive();
    }

    @Test
    void the_summary_holds_a_native_bar_chart_of_subscribers_by_status() {
        XSSFWorkbook book = workbook(download(port, "exec", report()));
        XSSFSheet summary = book.getSheet("Summary");
        assertThat(summary.getDrawingPatriarch()).isNotNull();
        List<XSSFChart> charts = summary.getDrawingPatriarch().getCharts();
        assertThat(charts).hasSize(1);
        XSSFChart chart = charts.getFirst();
        assertThat(chart.getTitleText().getString()).isEqualTo(ImpactReportWorkbook.CHART_TITLE);
        List<XDDFChartData> data = chart.getChartSeries();
        assertThat(data).hasSize(1).first().isInstanceOf(XDDFBarChartData.class);
        XDDFChartData.Series series = data.getFirst().getSeries(0);
        List<String> categories = new ArrayList<>();
        for (int i = 0; i < series.getCategoryData().getPointCount(); i++) {
            categories.add(String.valueOf(series.getCategoryData().getPointAt(i)));
        }
        assertThat(categories).containsExactly(
                Arrays.stream(DataLossStatus.values()).map(DataLossStatus::label).toArray(String[]::new));
        JsonNode byStatus = Api.as(port, "exec").get("/api/incidents/" + sample.getId() + "/summary").json()
                .get("subscribers").get("byStatus");
        for (int i = 0; i < DataLossStatus.values().length; i++) {
            assertThat(((Number) series.getValuesData().getPointAt(i)).longValue())
                    .isEqualTo(byStatus.get(DataLossStatus.values()[i].name()).asLong());
        }
        assertThat(series.getCategoryData().getDataRangeReference()).startsWith("Summary!$A$");
    }

    @Test
    void the_timeline_sheet_lists_every_entry_and_marks_internal_ones() {
        XSSFSheet sheet = workbook(download(port, "exec", report())).getSheet("Timeline");
        Row header = sheet.getRow(1);
        assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Occurred at (America/Los_Angeles)");
        assertThat(header.getCell(3).getStringCellValue()).isEqualTo("Internal");
        assertThat(header.getCell(7).getStringCellValue()).isEqualTo("Retracted");
        List<TimelineEntry> entries = SystemActor.call(() -> timeline.find(sample.getId(), TimelineFilter.ALL,
                PageRequest.of(0, 10_000))).getContent();
        assertThat(sheet.getLastRowNum() - 1).isEqualTo(entries.size());
        // and counted in SQL, not only by the timeline service the report calls
        assertThat(sheet.getLastRowNum() - 1).isEqualTo(jdbc.queryForObject(
                "select count(*) from timeline_entry where incident_id = ?", Integer.class, sample.getId()));
        ZoneId zone = sample.getReferenceZone();
        boolean sawInternal = false;
        for (int i = 0; i < entries.size(); i++) {
            TimelineEntry e = entries.get(i);
            Row row = sheet.getRow(i + 2);
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo(e.getText());
            assertThat(row.getCell(0).getLocalDateTimeCellValue().withNano(0))
                    .isEqualTo(LocalDateTime.ofInstant(e.getOccurredAt(), zone).withNano(0));
            String internal = row.getCell(3) == null ? "" : row.getCell(3).getStringCellValue();
            assertThat(internal).isEqualTo(e.getVisibility() == Visibility.INTERNAL ? "INTERNAL" : "");
            sawInternal |= e.getVisibility() == Visibility.INTERNAL;
        }
        assertThat(sawInternal).as("the sample incident has internal entries").isTrue();
    }

    @Test
    void the_report_is_recorded_in_the_audit_trail() {
        long before = auditCount();
        download(port, "manager", report());
        assertThat(auditCount()).isEqualTo(before + 1);
    }

    private long auditCount() {
        return SystemActor.call(() -> audit.find(new AuditFilter("manager", "IMPACT_REPORT_EXPORTED", null,
                String.valueOf(sample.getId()), null, null, null), PageRequest.of(0, 5))).getTotalElements();
    }

    @ParameterizedTest
    @ValueSource(strings = {"agent", "store", "till"})
    void agents_store_managers_and_tills_cannot_get_the_impact_report(String user) {
        assertThat(download(port, user, report()).statusCode()).isEqualTo(403);
    }
}
