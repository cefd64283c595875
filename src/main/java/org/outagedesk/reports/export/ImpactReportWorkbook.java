package org.outagedesk.reports.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.Money;
import org.outagedesk.impact.DataLossStatus;
import org.outagedesk.reports.ImpactSummary;
import org.outagedesk.reports.ImpactSummaryService;

/**
 * The executive impact report's workbook: a "Summary" sheet of the figures {@link ImpactSummaryService} computed
 * (typed cells: counts as numbers, money as currency with two decimals, shares as numbers with a % format, times as
 * dates in the incident's zone, durations as [h]:mm) with a native bar chart (POI XDDF) of subscribers by status,
 * and a streamed "Timeline" sheet. The summary sheet is small and built in memory (a streamed sheet cannot host a
 * chart); the workbook is then wrapped by {@link XlsxReport} so that the timeline is streamed.
 */
final class ImpactReportWorkbook {

    static final String SUMMARY = "Summary";
    static final String TIMELINE = "Timeline";
    static final String BY_STATUS = "Affected subscribers by status";
    static final String CHART_TITLE = "Affected subscribers by status";

    static final List<Column> TIMELINE_COLUMNS = List.of(Column.dateTime("Occurred at"), Column.text("Type", 18),
            Column.text("Visibility", 11), Column.text("Internal", 9), Column.text("Pinned", 8),
            Column.text("Text", 80), Column.text("Author", 14), Column.text("Retracted", 10),
            Column.dateTime("Retracted at"), Column.text("Retracted by", 14), Column.text("Retraction reason", 40),
            Column.dateTime("Edited at"), Column.text("Edited by", 14));

    private final XSSFWorkbook book = new XSSFWorkbook();
    private final XSSFSheet sheet = book.createSheet(SUMMARY);
    private final ZoneId zone;
    private final CellStyle sectionStyle;
    private final CellStyle headerStyle;
    private final CellStyle textStyle;
    private final CellStyle quotedTextStyle;
    private final CellStyle countStyle;
    private final CellStyle moneyStyle;
    private final CellStyle percentStyle;
    private final CellStyle wholePercentStyle;
    private final CellStyle dateStyle;
    private final CellStyle durationStyle;
    private int next;

    private ImpactReportWorkbook(ZoneId zone) {
        this.zone = zone;
        Font bold = book.createFont();
        bold.setBold(true);
        Font big = book.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 12);
        sectionStyle = book.createCellStyle();
        sectionStyle.setFont(big);
        headerStyle = book.createCellStyle();
        headerStyle.setFont(bold);
        headerStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        textStyle = book.createCellStyle();
        quotedTextStyle = book.createCellStyle();
        quotedTextStyle.setQuotePrefixed(true);
        var formats = book.createDataFormat();
        countStyle = book.createCellStyle();
        countStyle.setDataFormat(formats.getFormat("#,##0"));
        moneyStyle = book.createCellStyle();
        moneyStyle.setDataFormat(formats.getFormat("\"$\"#,##0.00_);[Red](\"$\"#,##0.00)"));
        percentStyle = book.createCellStyle();
        percentStyle.setDataFormat(formats.getFormat("0.0%"));
        wholePercentStyle = book.createCellStyle();
        wholePercentStyle.setDataFormat(formats.getFormat("0%"));
        dateStyle = book.createCellStyle();
        dateStyle.setDataFormat(formats.getFormat("yyyy-mm-dd hh:mm:ss"));
        durationStyle = book.createCellStyle();
        durationStyle.setDataFormat(formats.getFormat("[h]:mm:ss"));
    }

    /**
     * Writes the report (the stream is not closed).
     *
     * @param timeline writes the timeline's rows, in {@link #TIMELINE_COLUMNS} order
     * @return how many timeline rows were written
     */
    private static final DateTimeFormatter FIGURES_AS_OF =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    static long write(ImpactSummary s, String generatedBy, Instant generatedAt, Consumer<TableWriter> timeline,
            OutputStream out) {
        ZoneId zone = ZoneId.of(s.referenceZone());
        ImpactReportWorkbook w = new ImpactReportWorkbook(zone);
        String what = "Impact report of incident " + s.incidentId() + " '" + s.title() + "'";
        // at a million subscribers the figures may have been computed a little earlier (ImpactSummaryService)
        String scope = Duration.between(s.asOf(), generatedAt).abs().toSeconds() < 1 ? "whole incident"
                : "whole incident; figures as of " + FIGURES_AS_OF.format(s.asOf().atZone(zone));
        try (XlsxReport x = new XlsxReport(what, scope, generatedBy, generatedAt, zone, w.book)) {
            w.summary(what + " — " + x.generatedLine(), s);
            TableWriter t = x.table(TIMELINE, TIMELINE_COLUMNS);
            timeline.accept(t);
            x.write(out);
            return t.rows();
        } catch (RuntimeException e) {
            try {
                w.book.close();
            } catch (IOException ignored) {
                // the workbook is discarded anyway
            }
            throw e;
        }
    }

    private void summary(String title, ImpactSummary s) {
        Cell t = sheet.createRow(next++).createCell(0);
        t.setCellValue(title);
        t.setCellStyle(sectionStyle);
        text(sheet.createRow(next++), 0, "Figures as of the time generated; incident status " + s.status()
                + "; times in " + zone.getId() + ".");
        next++;

        ImpactSummary.Subscribers subs = s.subscribers();
        section(BY_STATUS, "Status", "Subscribers");
        int firstStatus = next;
        for (DataLossStatus status : DataLossStatus.values()) {
            Row r = sheet.createRow(next++);
            text(r, 0, status.label());
            count(r, 1, subs.byStatus().getOrDefault(status, 0L));
        }
        int lastStatus = next - 1;
        Row total = sheet.createRow(next++);
        text(total, 0, "Total affected (not counting Not affected)");
        count(total, 1, subs.total() - subs.byStatus().getOrDefault(DataLossStatus.NOT_AFFECTED, 0L));
        Row contacted = sheet.createRow(next++);
        text(contacted, 0, "Contacted at least once");
        count(contacted, 1, subs.contacted());
        Row share = sheet.createRow(next++);
        text(share, 0, "Contacted share");
        percent(share, 1, subs.contactedPercent().movePointLeft(2), percentStyle);
        next++;

        section("Affected subscribers by region of the home store", "Region", "Subscribers");
        if (subs.byRegion().isEmpty()) {
            text(sheet.createRow(next++), 0, "No affected subscribers yet.");
        }
        subs.byRegion().forEach((region, n) -> {
            Row r = sheet.createRow(next++);
            text(r, 0, region);
            count(r, 1, n);
        });
        next++;

        section("Affected subscribers by data category concerned", "Category", "Subscribers");
        subs.byCategory().forEach((category, n) -> {
            Row r = sheet.createRow(next++);
            text(r, 0, category.name());
            count(r, 1, n);
        });
        next++;

        section("Affected subscribers by device SKU", "SKU", "Subscribers");
        if (subs.bySku().isEmpty()) {
            text(sheet.createRow(next++), 0, "No affected subscribers yet.");
        }
        subs.bySku().forEach((sku, n) -> {
            Row r = sheet.createRow(next++);
            text(r, 0, sku);
            count(r, 1, n);
        });
        next++;

        ImpactSummary.Credits cr = s.credits();
        section("Credits", "Figure", "Count", "Amount (USD)");
        figure("Credits issued", cr.issued().count(), cr.issued().amount());
        figure("Credits pending approval", cr.pending().count(), cr.pending().amount());
        figure("Credits reversed", cr.reversed().count(), cr.reversed().amount());
        figure("Total cost (issued minus reversed)", null, cr.totalCost());
        next++;

        section("Credits by reason (USD)", "Reason", "Code", "Issued", "Pending", "Reversed");
        if (cr.byReason().isEmpty()) {
            text(sheet.createRow(next++), 0, "No credits yet.");
        }
        for (ImpactSummary.Reason reason : cr.byReason()) {
            Row r = sheet.createRow(next++);
            text(r, 0, reason.label());
            text(r, 1, reason.code());
            money(r, 2, reason.issued());
            money(r, 3, reason.pending());
            money(r, 4, reason.reversed());
        }
        next++;

        ImpactSummary.Holds h = s.holds();
        section("Stop-sale holds in force", "Figure", "Value");
        countRow("Active holds", h.active());
        countRow("Stores on hold (a store under two holds counts twice)", h.storesOnHold());
        countRow("Stores that acknowledged", h.acknowledged());
        countRow("Stores overdue", h.overdue());
        Row compliance = sheet.createRow(next++);
        text(compliance, 0, "Acknowledgement compliance");
        percent(compliance, 1, BigDecimal.valueOf(h.compliancePercent()).movePointLeft(2), wholePercentStyle);
        countRow("Sales during a hold (violations)", s.violations());
        next++;

        section("Acknowledgements by region", "Region", "Stores", "Acknowledged", "Pending", "Overdue");
        if (h.byRegion().isEmpty()) {
            text(sheet.createRow(next++), 0, "No store is on hold.");
        }
        for (ImpactSummary.RegionAcks a : h.byRegion()) {
            Row r = sheet.createRow(next++);
            text(r, 0, a.region());
            count(r, 1, a.stores());
            count(r, 2, a.acknowledged());
            count(r, 3, a.pending());
            count(r, 4, a.overdue());
        }
        next++;

        section("Time (" + zone.getId() + ")", "Figure", "Value", "In words");
        instantRow("Started at", s.startedAt());
        instantRow("Detected at", s.detectedAt());
        instantRow("Resolved at", s.resolvedAt());
        durationRow("Time to detect", s.secondsToDetect());
        durationRow("Time to resolve", s.secondsToResolve());
        durationRow(s.resolvedAt() == null ? "Time since start" : "Duration of the outage", s.secondsSinceStart());

        sheet.setColumnWidth(0, 52 * 256);
        for (int c = 1; c <= 4; c++) {
            sheet.setColumnWidth(c, 16 * 256);
        }
        chart(firstStatus, lastStatus);
    }

    /** A clustered column chart of subscribers by status, reading the status table's cells. */
    private void chart(int firstRow, int lastRow) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 6, 3, 15, 22);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(CHART_TITLE);
        chart.setTitleOverlay(false);
        XDDFCategoryAxis statuses = chart.createCategoryAxis(AxisPosition.BOTTOM);
        statuses.setTitle("Status");
        XDDFValueAxis counts = chart.createValueAxis(AxisPosition.LEFT);
        counts.setTitle("Subscribers");
        counts.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(firstRow, lastRow, 0, 0));
        XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(firstRow, lastRow, 1, 1));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, statuses, counts);
        data.setBarDirection(BarDirection.COL);
        data.setVaryColors(false);
        XDDFChartData.Series series = data.addSeries(categories, values);
        series.setTitle("Subscribers", new CellReference(sheet.getSheetName(), firstRow - 1, 1, true, true));
        chart.plot(data);
    }

    private void section(String title, String... headers) {
        Cell c = sheet.createRow(next++).createCell(0);
        c.setCellValue(title);
        c.setCellStyle(sectionStyle);
        Row h = sheet.createRow(next++);
        for (int i = 0; i < headers.length; i++) {
            Cell hc = h.createCell(i);
            hc.setCellValue(headers[i]);
            hc.setCellStyle(headerStyle);
        }
    }

    private void figure(String label, @Nullable Long count, Money amount) {
        Row r = sheet.createRow(next++);
        text(r, 0, label);
        if (count != null) {
            count(r, 1, count);
        }
        money(r, 2, amount);
    }

    private void countRow(String label, long value) {
        Row r = sheet.createRow(next++);
        text(r, 0, label);
        count(r, 1, value);
    }

    private void instantRow(String label, @Nullable Instant at) {
        Row r = sheet.createRow(next++);
        text(r, 0, label);
        if (at == null) {
            text(r, 2, "not yet");
            return;
        }
        Cell c = r.createCell(1);
        c.setCellValue(LocalDateTime.ofInstant(at, zone));
        c.setCellStyle(dateStyle);
    }

    private void durationRow(String label, @Nullable Long seconds) {
        Row r = sheet.createRow(next++);
        text(r, 0, label);
        if (seconds != null) {
            Cell c = r.createCell(1);
            c.setCellValue(seconds / 86_400d); // a spreadsheet duration is a fraction of days
            c.setCellStyle(durationStyle);
        }
        text(r, 2, ImpactSummaryService.describe(seconds));
    }

    private void text(Row r, int col, String value) {
        Cell c = r.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(SpreadsheetText.looksLikeFormula(value) ? quotedTextStyle : textStyle);
    }

    private void count(Row r, int col, long value) {
        Cell c = r.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(countStyle);
    }

    private void money(Row r, int col, Money value) {
        Cell c = r.createCell(col);
        c.setCellValue(value.amount().doubleValue());
        c.setCellStyle(moneyStyle);
    }

    private void percent(Row r, int col, BigDecimal fraction, CellStyle style) {
        Cell c = r.createCell(col);
        c.setCellValue(fraction.doubleValue());
        c.setCellStyle(style);
    }
}
