package org.outagedesk.reports.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Issue 16, hole 6: a date before 1900 never reaches a spreadsheet as serial -1; it is written as text. */
class XlsxOutOfRangeDateTest {

    @Test
    void a_year_0001_date_is_written_as_text_not_as_serial_minus_one() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxReport x = new XlsxReport("Timeline", "", "manager", Instant.parse("2009-10-10T12:00:00Z"),
                ZoneId.of("America/Los_Angeles"))) {
            TableWriter t = x.table("Entries", List.of(Column.text("Text", 20), Column.dateTime("At")));
            t.row("ancient", Instant.parse("0001-01-01T00:00:00Z"));
            t.row("normal", Instant.parse("2009-10-05T21:30:00Z"));
            x.write(out);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var sheet = wb.getSheetAt(0);
            Cell ancient = null;
            Cell normal = null;
            for (var row : sheet) {
                Cell first = row.getCell(0);
                if (first != null && first.getCellType() == CellType.STRING) {
                    if (first.getStringCellValue().equals("ancient")) {
                        ancient = row.getCell(1);
                    } else if (first.getStringCellValue().equals("normal")) {
                        normal = row.getCell(1);
                    }
                }
            }
            assertThat(ancient).isNotNull();
            assertThat(ancient.getCellType()).isEqualTo(CellType.STRING);
            assertThat(ancient.getStringCellValue()).startsWith("0001-01-01");
            assertThat(normal.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(normal.getNumericCellValue()).isGreaterThan(40_000);
        }
    }
}
