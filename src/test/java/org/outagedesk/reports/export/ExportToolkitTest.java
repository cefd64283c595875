package org.outagedesk.reports.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.outagedesk.base.Money;

class ExportToolkitTest {

    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    private static final Instant AT = Instant.parse("2009-10-05T21:30:00Z");
    private static final List<Column> COLUMNS = List.of(Column.text("Name", 20), Column.count("Devices"),
            Column.money("Credits"), Column.dateTime("Last contacted"));
    private static final String EVIL = "=HYPERLINK(\"http://x\",\"y\")";

    @Test
    void xlsx_has_a_title_a_frozen_filtered_header_and_typed_cells() throws Exception {
        XSSFWorkbook wb = xlsx(XlsxReport.MAX_SHEET_ROWS, 2);
        XSSFSheet s = wb.getSheetAt(0);
        assertThat(s.getRow(0).getCell(0).getStringCellValue())
                .contains("Affected subscribers", "by agent", "America/Los_Angeles", "status LOST");
        assertThat(s.getRow(1).getCell(3).getStringCellValue()).isEqualTo("Last contacted (America/Los_Angeles)");
        assertThat(s.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
        assertThat(s.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:D4");
        var row = s.getRow(2);
        assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(3);
        assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(12.5);
        assertThat(row.getCell(2).getCellStyle().getDataFormatString()).contains("$").contains("0.00");
        assertThat(DateUtil.isCellDateFormatted(row.getCell(3))).isTrue();
        assertThat(row.getCell(3).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2009, 10, 5, 14, 30));
        assertThat(s.getColumnWidth(0)).isEqualTo(20 * 256);
    }

    @Test
    void a_formula_like_name_is_stored_as_inert_text_in_xlsx() throws Exception {
        XSSFWorkbook wb = xlsx(XlsxReport.MAX_SHEET_ROWS, 1);
        var cell = wb.getSheetAt(0).getRow(2).getCell(0);
        assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
        assertThat(cell.getStringCellValue()).isEqualTo(EVIL);
        assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
    }

    @Test
    void rows_beyond_a_sheet_continue_on_a_second_sheet_with_the_header_repeated() throws Exception {
        // a sheet of 6 rows holds a title, a header and 4 data rows
        XSSFWorkbook wb = xlsx(6, 7);
        assertThat(wb.getNumberOfSheets()).isEqualTo(2);
        assertThat(wb.getSheetName(1)).isEqualTo("Subscribers (2)");
        assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(5);
        XSSFSheet second = wb.getSheetAt(1);
        assertThat(second.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Name");
        assertThat(second.getLastRowNum()).isEqualTo(4);
        assertThat(second.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(8); // the 7th row: i = 6, 6 + 2 devices
        assertThat(second.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:D5");
    }

    @Test
    void csv_is_utf8_with_bom_rfc4180_and_neutralises_formulas() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvTable t = new CsvTable(out, COLUMNS, LA)) {
            t.row(EVIL, 3, Money.usd("12.5"), AT);
            t.row("Zoë \"Z\", Jr.", 1, new BigDecimal("0.00"), null);
            t.row("-1+2", null, null, null);
            t.row("+15551234567", null, null, null);
            t.row("@SUM(A1)", null, null, null);
            t.row("\tx", null, null, null);
        }
        byte[] bytes = out.toByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text.split("\r\n")).containsExactly(
                "Name,Devices,Credits,Last contacted (America/Los_Angeles)",
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",3,12.50,2009-10-05 14:30:00",
                "\"Zoë \"\"Z\"\", Jr.\",1,0.00,",
                "'-1+2,,,", "+15551234567,,,", "'@SUM(A1),,,", "'\tx,,,");
    }

    private static XSSFWorkbook xlsx(int maxSheetRows, int rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxReport x = new XlsxReport("Affected subscribers", "status LOST", "agent", AT, LA, maxSheetRows)) {
            TableWriter t = x.table("Subscribers", COLUMNS);
            t.row(EVIL, 3, Money.usd("12.50"), AT);
            for (int i = 1; i < rows; i++) {
                t.row("Subscriber " + i, i + 2, Money.usd("1.00"), null);
            }
            x.write(out);
        }
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }
}
