package org.outagedesk.reports.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.outagedesk.base.Money;

/**
 * A streaming XLSX workbook (POI {@link SXSSFWorkbook}: only a window of rows in memory, the rest in a compressed
 * temporary file), so that a million-row export runs in constant memory. Every sheet starts with a title row (what,
 * when generated, by whom, which filter) and a bold header row; the header is frozen and carries an autofilter.
 * Cells are typed (see {@link ColumnType}); text that looks like a formula is stored as a quote-prefixed string so
 * that Excel and LibreOffice never run it. A table longer than a sheet continues on "Name (2)", header repeated.
 * <p>
 * Use: {@code try (var x = new XlsxReport(...)) { var t = x.table("Sheet", columns); t.row(...); x.write(out); }}
 */
public final class XlsxReport implements AutoCloseable {

    /** Rows of a sheet, title and header included (Excel's limit). */
    public static final int MAX_SHEET_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();
    private static final DateTimeFormatter TITLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int ROW_WINDOW = 200;
    static final int HEADER_ROW = 1;

    private final SXSSFWorkbook workbook;
    private final String title;
    private final String generated;
    private final ZoneId zone;
    private final int maxSheetRows;
    private final CellStyle titleStyle;
    private final CellStyle headerStyle;
    private final CellStyle textStyle;
    private final CellStyle quotedTextStyle;
    private final CellStyle countStyle;
    private final CellStyle moneyStyle;
    private final CellStyle dateStyle;
    private final List<SheetTable> tables = new ArrayList<>();

    /**
     * @param what   what the file is ("Affected subscribers of incident 1 'Sidekick data service outage'")
     * @param filter which filter made it ("status LOST, region Northeast"), or the scope
     * @param zone   the zone dates are written in (named in the date columns' headers and the title)
     */
    public XlsxReport(String what, String filter, String generatedBy, Instant generatedAt, ZoneId zone) {
        this(what, filter, generatedBy, generatedAt, zone, MAX_SHEET_ROWS);
    }

    XlsxReport(String what, String filter, String generatedBy, Instant generatedAt, ZoneId zone, int maxSheetRows) {
        this(what, filter, generatedBy, generatedAt, zone, maxSheetRows, new SXSSFWorkbook(ROW_WINDOW));
    }

    /**
     * Streams further sheets after those already in {@code base} (e.g. a summary sheet with a chart, which a streamed
     * sheet cannot host): the base's sheets are written as they are, the tables of this report are streamed.
     */
    XlsxReport(String what, String filter, String generatedBy, Instant generatedAt, ZoneId zone,
            XSSFWorkbook base) {
        this(what, filter, generatedBy, generatedAt, zone, MAX_SHEET_ROWS, new SXSSFWorkbook(base, ROW_WINDOW));
    }

    private XlsxReport(String what, String filter, String generatedBy, Instant generatedAt, ZoneId zone,
            int maxSheetRows, SXSSFWorkbook workbook) {
        this.workbook = workbook;
        this.title = what;
        this.generated = "Generated " + TITLE_TIME.format(generatedAt.atZone(zone)) + " " + zone.getId() + " by "
                + generatedBy + " · Filter: " + filter;
        this.zone = zone;
        this.maxSheetRows = maxSheetRows;
        workbook.setCompressTempFiles(true);
        Font bold = workbook.createFont();
        bold.setBold(true);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 13);
        titleStyle = workbook.createCellStyle();
        titleStyle.setFont(big);
        headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
        headerStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        headerStyle.setWrapText(true);
        textStyle = workbook.createCellStyle();
        quotedTextStyle = workbook.createCellStyle();
        quotedTextStyle.setQuotePrefixed(true);
        var formats = workbook.createDataFormat();
        countStyle = workbook.createCellStyle();
        countStyle.setDataFormat(formats.getFormat("#,##0"));
        moneyStyle = workbook.createCellStyle();
        moneyStyle.setDataFormat(formats.getFormat("\"$\"#,##0.00_);[Red](\"$\"#,##0.00)"));
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(formats.getFormat("yyyy-mm-dd hh:mm:ss"));
    }

    /** Starts a sheet (or several, if the rows do not fit in one) with these columns. */
    public TableWriter table(String sheetName, List<Column> columns) {
        SheetTable t = new SheetTable(WorkbookUtil.createSafeSheetName(sheetName, '_'), columns);
        tables.add(t);
        return t;
    }

    /** Writes the workbook; the tables must be complete. */
    public void write(OutputStream out) {
        tables.forEach(SheetTable::finish);
        try {
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the temporary files. */
    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ZoneId zone() {
        return zone;
    }

    /** The title row's second half: "Generated 2009-10-05 14:30 America/Los_Angeles by exec · Filter: ...". */
    String generatedLine() {
        return generated;
    }

    String headerText(Column c) {
        return c.type() == ColumnType.DATE_TIME ? c.header() + " (" + zone.getId() + ")" : c.header();
    }

    private final class SheetTable implements TableWriter {

        private final String baseName;
        private final List<Column> columns;
        private SXSSFSheet sheet;
        private int part = 1;
        private int nextRow;
        private long rows;

        SheetTable(String baseName, List<Column> columns) {
            this.baseName = baseName;
            this.columns = List.copyOf(columns);
            this.sheet = start(baseName);
        }

        private SXSSFSheet start(String name) {
            SXSSFSheet s = workbook.createSheet(name);
            Row t = s.createRow(0);
            Cell c = t.createCell(0);
            c.setCellValue(title + " — " + generated);
            c.setCellStyle(titleStyle);
            Row h = s.createRow(HEADER_ROW);
            for (int i = 0; i < columns.size(); i++) {
                Cell hc = h.createCell(i);
                hc.setCellValue(headerText(columns.get(i)));
                hc.setCellStyle(headerStyle);
                s.setColumnWidth(i, Math.min(255, columns.get(i).width()) * 256);
            }
            s.createFreezePane(0, HEADER_ROW + 1);
            s.setAutoFilter(new CellRangeAddress(HEADER_ROW, HEADER_ROW, 0, columns.size() - 1));
            nextRow = HEADER_ROW + 1;
            return s;
        }

        @Override
        public void row(Object... values) {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException(
                        "Expected " + columns.size() + " values, got " + values.length);
            }
            if (nextRow >= maxSheetRows) {
                finish();
                part++;
                sheet = start(WorkbookUtil.createSafeSheetName(baseName + " (" + part + ")", '_'));
            }
            Row r = sheet.createRow(nextRow++);
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v == null) {
                    continue;
                }
                Cell cell = r.createCell(i);
                switch (columns.get(i).type()) {
                    case COUNT -> {
                        cell.setCellValue(((Number) v).doubleValue());
                        cell.setCellStyle(countStyle);
                    }
                    case MONEY -> {
                        BigDecimal amount = v instanceof Money m ? m.amount() : (BigDecimal) v;
                        cell.setCellValue(amount.doubleValue());
                        cell.setCellStyle(moneyStyle);
                    }
                    case DATE_TIME -> {
                        LocalDateTime local = LocalDateTime.ofInstant((Instant) v, zone);
                        if (local.getYear() < 1900 || local.getYear() > 9999) {
                            // a spreadsheet's dates start in 1900: an earlier one would become serial -1
                            cell.setCellValue(v.toString());
                            cell.setCellStyle(textStyle);
                        } else {
                            cell.setCellValue(local);
                            cell.setCellStyle(dateStyle);
                        }
                    }
                    case TEXT -> {
                        String s = v.toString();
                        cell.setCellValue(s);
                        cell.setCellStyle(SpreadsheetText.looksLikeFormula(s) ? quotedTextStyle : textStyle);
                    }
                }
            }
            rows++;
        }

        /** The autofilter covers the header and every data row of the sheet. */
        void finish() {
            sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, nextRow - 1, 0, columns.size() - 1));
        }

        @Override
        public long rows() {
            return rows;
        }
    }
}
