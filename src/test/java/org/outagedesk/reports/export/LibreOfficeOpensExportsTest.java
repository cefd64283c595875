package org.outagedesk.reports.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outagedesk.base.Money;
import org.outagedesk.impact.DataCategory;
import org.outagedesk.impact.DataLossStatus;
import org.outagedesk.reports.ImpactSummary;

/**
 * Opens a workbook of the toolkit in LibreOffice (Debian package libreoffice-calc-nogui) and reads every sheet back
 * as CSV: the file opens without repair, dates and money keep their values and a formula-like text stays text (a
 * running HYPERLINK would show "y"). Skipped where LibreOffice is not installed,
 * except under CI, which must run it.
 */
class LibreOfficeOpensExportsTest {

    private static final Path SOFFICE = Path.of("/usr/bin/soffice");

    @TempDir
    Path dir;

    /** Skipped without LibreOffice on a developer's machine; under CI ({@code CI=true}) a missing one fails. */
    static void requireLibreOffice() {
        if (!Files.isExecutable(SOFFICE) && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true: the LibreOffice tests must run; .ci/run installs"
                    + " libreoffice-calc-nogui (" + SOFFICE + " is missing)");
        }
        assumeTrue(Files.isExecutable(SOFFICE), "LibreOffice is not installed");
    }

    @Test
    void libreoffice_opens_a_two_sheet_export_and_keeps_a_formula_like_name_as_text() throws Exception {
        requireLibreOffice();
        Path xlsx = dir.resolve("subscribers.xlsx");
        try (XlsxReport x = new XlsxReport("Affected subscribers", "all", "agent",
                Instant.parse("2009-10-05T21:30:00Z"), ZoneId.of("America/Los_Angeles"), 4);
                OutputStream out = Files.newOutputStream(xlsx)) {
            TableWriter t = x.table("Subscribers", List.of(Column.text("Name", 20), Column.money("Credits"),
                    Column.dateTime("Last contacted")));
            t.row("=HYPERLINK(\"http://x\",\"y\")", Money.usd("12.50"), Instant.parse("2009-10-05T21:30:00Z"));
            t.row("+15551234567", Money.usd("0.00"), null);
            t.row("@SUM(1,2)", Money.usd("-3.25"), null);
            x.write(out);
        }
        Process p = new ProcessBuilder(SOFFICE.toString(), "--headless",
                "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir",
                dir.toString(), xlsx.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        List<String> first = Files.readAllLines(dir.resolve("subscribers-Subscribers.csv"), StandardCharsets.UTF_8);
        List<String> second = Files.readAllLines(dir.resolve("subscribers-Subscribers (2).csv"),
                StandardCharsets.UTF_8);
        assertThat(first.get(1)).isEqualTo("Name,Credits,Last contacted (America/Los_Angeles)");
        assertThat(first.get(2)).isEqualTo("\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",12.5,2009-10-05 14:30:00");
        assertThat(first.get(3)).startsWith("+15551234567,0");
        assertThat(second.get(1)).isEqualTo(first.get(1));
        assertThat(second.get(2)).isEqualTo("\"@SUM(1,2)\",-3.25,");
    }

    @Test
    void libreoffice_opens_the_impact_report_with_its_chart_and_keeps_its_figures() throws Exception {
        requireLibreOffice();
        Path xlsx = dir.resolve("report.xlsx");
        Map<DataLossStatus, Long> byStatus = new EnumMap<>(DataLossStatus.class);
        for (DataLossStatus s : DataLossStatus.values()) {
            byStatus.put(s, 0L);
        }
        byStatus.put(DataLossStatus.LOST, 1200L);
        byStatus.put(DataLossStatus.RECOVERED, 800L);
        Instant start = Instant.parse("2009-10-02T16:00:00Z");
        ImpactSummary summary = new ImpactSummary(7, "=HYPERLINK(\"http://x\",\"y\")", "INVESTIGATING",
                "America/Los_Angeles", Instant.parse("2009-10-05T21:30:00Z"), start, start.plusSeconds(5400),
                null, 300_000, 5400L, null,
                new ImpactSummary.Subscribers(2000, byStatus, 500, new BigDecimal("25.0"),
                        Map.of(DataCategory.PHOTOS, 700L), Map.of("Northeast", 2000L),
                        Map.of("SK-LX09-CARBLA", 2000L), List.of()),
                new ImpactSummary.Credits(new ImpactSummary.Figure(2, Money.usd("25.00")),
                        new ImpactSummary.Figure(1, Money.usd("10.00")),
                        new ImpactSummary.Figure(1, Money.usd("12.50")), Money.usd("12.50"),
                        List.of(new ImpactSummary.Reason("GOODWILL", "Goodwill", Money.usd("25.00"),
                                Money.usd("10.00"), Money.usd("12.50")))),
                new ImpactSummary.Holds(1, 4, 3, 1, 75, List.of()), 2);
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            ImpactReportWorkbook.write(summary, "exec", Instant.parse("2009-10-05T21:30:00Z"), t -> t.row(
                    Instant.parse("2009-10-05T21:30:00Z"), "NOTE", "INTERNAL", "INTERNAL", "", "@SUM(1,2)",
                    "manager", "", null, null, null, null, null), out);
        }
        Process p = new ProcessBuilder(SOFFICE.toString(), "--headless",
                "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir",
                dir.toString(), xlsx.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        List<String> figures = Files.readAllLines(dir.resolve("report-Summary.csv"), StandardCharsets.UTF_8);
        // LibreOffice writes raw values (numbers unformatted, percentages with their sign)
        assertThat(figures).contains("Lost,1200,,,", "Recovered,800,,,", "Contacted share,25%,,,",
                "Credits issued,2,25,,", "Total cost (issued minus reversed),,12.5,,",
                "Acknowledgement compliance,75%,,,", "Started at,2009-10-02 09:00:00,,,",
                "Time since start,83:20:00,3 d 11 h,,");
        List<String> timeline = Files.readAllLines(dir.resolve("report-Timeline.csv"), StandardCharsets.UTF_8);
        Path resaved = dir.resolve("resaved");
        Process again = new ProcessBuilder(SOFFICE.toString(), "--headless",
                "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--convert-to",
                "xlsx:Calc MS Excel 2007 XML", "--outdir", resaved.toString(), xlsx.toString())
                .redirectErrorStream(true).start();
        assertThat(again.waitFor(120, TimeUnit.SECONDS)).isTrue();
        try (var in = Files.newInputStream(resaved.resolve("report.xlsx"));
                var book = new XSSFWorkbook(in)) {
            var drawing = book.getSheet("Summary").getDrawingPatriarch();
            assertThat(drawing).as("LibreOffice kept the chart").isNotNull();
            assertThat(drawing.getCharts()).hasSize(1);
            assertThat(drawing.getCharts().getFirst().getChartSeries().getFirst())
                    .isInstanceOf(XDDFBarChartData.class);
        }
        assertThat(timeline.get(2)).startsWith("2009-10-05 14:30:00,NOTE,INTERNAL,INTERNAL,,\"@SUM(1,2)\",manager");
    }
}
