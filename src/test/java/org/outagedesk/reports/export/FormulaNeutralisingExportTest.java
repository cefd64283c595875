package org.outagedesk.reports.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.reports.export.ExportTestSupport.download;
import static org.outagedesk.reports.export.ExportTestSupport.workbook;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Formula neutralising in the executive report and the retail pack, read back with POI (the LibreOffice test also
 * runs them through a real spreadsheet where it is installed): text that a spreadsheet would run as a formula
 * (incident titles, timeline entries, hold reasons) is stored as text with the quote-prefix style, never as a
 * formula cell.
 */
@IntegrationTest
class FormulaNeutralisingExportTest {

    static final String EVIL_TITLE = "=HYPERLINK(\"http://x\",\"y\") ";
    static final String EVIL_ENTRY = "@SUM(1,2) ";
    static final String EVIL_REASON = "+1+cmd|' /C calc'!A0 ";

    @LocalServerPort
    int port;

    /** Every string cell of the workbook; fails on any formula cell. */
    private static List<Cell> textCells(XSSFWorkbook wb) {
        List<Cell> cells = new ArrayList<>();
        for (Sheet sheet : wb) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress())
                            .isNotEqualTo(CellType.FORMULA);
                    if (cell.getCellType() == CellType.STRING) {
                        cells.add(cell);
                    }
                }
            }
        }
        return cells;
    }

    private static void assertQuoted(XSSFWorkbook wb, String startingWith) {
        List<Cell> found = textCells(wb).stream().filter(c -> c.getStringCellValue().startsWith(startingWith))
                .toList();
        assertThat(found).as("a cell starting with " + startingWith).isNotEmpty();
        assertThat(found).allSatisfy(c -> assertThat(c.getCellStyle().getQuotePrefixed())
                .as(c.getSheet().getSheetName() + "!" + c.getAddress() + " " + c.getStringCellValue()).isTrue());
        // and every other formula-like text of the workbook is quoted too
        assertThat(textCells(wb)).filteredOn(c -> SpreadsheetText.looksLikeFormula(c.getStringCellValue()))
                .allSatisfy(c -> assertThat(c.getCellStyle().getQuotePrefixed()).as(c.getStringCellValue()).isTrue());
    }

    @Test
    void the_executive_report_keeps_a_formula_like_title_and_entry_as_text() {
        Api manager = Api.as(port, "manager");
        String title = EVIL_TITLE + UUID.randomUUID();
        Api.Response created = manager.post("/api/incidents", """
                {"title": %s, "description": "formula test", "severity": "SEV3", "affectedServices": ["e-mail"],
                 "referenceZone": "America/New_York", "startedAt": "%s"}"""
                .formatted(JsonMapper.builder().build().writeValueAsString(title),
                        Instant.now().minus(3, ChronoUnit.HOURS)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long incident = created.json().get("id").asLong();
        Api.Response entry = manager.post("/api/incidents/" + incident + "/timeline", """
                {"type": "NOTE", "occurredAt": "%s", "visibility": "INTERNAL", "pinned": false, "text": "%s"}"""
                .formatted(Instant.now().minus(1, ChronoUnit.HOURS), EVIL_ENTRY + "entry"));
        assertThat(entry.status()).as(entry.body()).isEqualTo(201);

        HttpResponse<byte[]> report = download(port, "exec", "/api/exports/impact-report.xlsx?incidentId=" + incident);
        assertThat(report.statusCode()).isEqualTo(200);
        XSSFWorkbook wb = workbook(report);
        // the title is part of the sheet's heading (text before it: nothing to run); the entry is a cell of its own
        assertThat(textCells(wb)).anySatisfy(c -> assertThat(c.getStringCellValue()).contains(title));
        assertQuoted(wb, EVIL_ENTRY);
    }

    @Test
    void the_retail_pack_keeps_a_formula_like_hold_reason_as_text() {
        Api manager = Api.as(port, "manager");
        long incident = -1;
        for (var i : manager.get("/api/incidents").json()) {
            incident = i.get("id").asLong();
            break;
        }
        Api.Response placed = manager.post("/api/holds", """
                {"incidentId": %d, "skus": ["BB8220-BLA"], "channels": ["RETAIL"], "stores": ["C-OR-POR-02"],
                 "reason": "%s"}""".formatted(incident, EVIL_REASON + UUID.randomUUID()));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        long hold = placed.json().get("id").asLong();
        try {
            HttpResponse<byte[]> pack = download(port, "manager", "/api/exports/retail-pack.xlsx?store=C-OR-POR-02");
            assertThat(pack.statusCode()).isEqualTo(200);
            assertQuoted(workbook(pack), EVIL_REASON);
        } finally {
            manager.post("/api/holds/" + hold + "/lift", "{\"reason\": \"formula test over\"}");
        }
    }
}
