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
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.outagedesk.audit.AuditFilter;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.SystemActor;
import org.outagedesk.credits.CreditRecord;
import org.outagedesk.credits.CreditService;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.NewIncident;
import org.outagedesk.incident.Severity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

@IntegrationTest
class CreditLedgerExportTest {

    private static final String EVIL_NOTE = "=cmd|' /C calc'!A0";

    @LocalServerPort
    int port;
    @Autowired
    IncidentService incidents;
    @Autowired
    CreditService credits;
    @Autowired
    AuditService audit;

    long incident;
    long firstCredit;

    @BeforeEach
    void incidentWithACreditAndItsReversal() {
        incident = SystemActor.call(() -> incidents.create(new NewIncident("Ledger test " + UUID.randomUUID(),
                "test", Severity.SEV3, List.of("test"), "America/Los_Angeles",
                Instant.parse("2001-01-01T00:00:00Z")))).getId();
        String msisdn = "+17" + String.format("%09d", System.nanoTime() % 1_000_000_000L);
        String csv = "msisdn,account,name,sku,store,data_plan,status,categories,last_sync\n"
                + msisdn + ",ACC-L1,Ledger Person,SK-LX09-BLU,C-WA-SEA-01,true,LOST,PHOTOS,\n";
        Api manager = Api.as(port, "manager");
        String boundary = "----lx" + UUID.randomUUID();
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"s.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(manager.send(manager.request("/api/incidents/" + incident + "/impacts/import")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))).status()).isEqualTo(200);
        Api.Response issued = Api.as(port, "agent").post("/api/credits", "{\"msisdn\":\"" + msisdn
                + "\",\"incidentId\":" + incident + ",\"reasonCode\":\"GOODWILL\",\"amount\":12.50,\"note\":\""
                + EVIL_NOTE + "\"}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        firstCredit = issued.json().get("id").asLong();
        assertThat(manager.post("/api/credits/" + firstCredit + "/reverse", "{\"reason\":\"duplicate\"}").status())
                .isLessThan(300);
    }

    @Test
    void the_ledger_holds_every_credit_and_reversal_with_typed_cells_as_the_service_lists_them() {
        HttpResponse<byte[]> r = download(port, "exec", "/api/exports/credits.xlsx?incidentId=" + incident);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("credits-incident-" + incident + "-", ".xlsx");
        XSSFSheet sheet = workbook(r).getSheet("Credits");
        assertThat(sheet.getRow(1).getCell(1).getStringCellValue())
                .isEqualTo("Requested at (America/Los_Angeles)");
        List<CreditRecord> expected = SystemActor.call(() -> credits.find(null, incident,
                PageRequest.of(0, 10, Sort.by("id")))).getContent();
        assertThat(expected).hasSize(2);
        assertThat(sheet.getLastRowNum() - 1).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            CreditRecord e = expected.get(i);
            Row row = sheet.getRow(i + 2);
            assertThat((long) row.getCell(0).getNumericCellValue()).isEqualTo(e.id());
            assertThat(DateUtil.isCellDateFormatted(row.getCell(1))).isTrue();
            assertThat(row.getCell(1).getLocalDateTimeCellValue().withNano(0)).isEqualTo(LocalDateTime
                    .ofInstant(e.requestedAt(), ZoneId.of("America/Los_Angeles")).withNano(0));
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo(e.entryType().name());
            assertThat(row.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(e.amount().amount().doubleValue());
            assertThat(row.getCell(7).getStringCellValue()).isEqualTo(e.status().name());
        }
        Row reversal = sheet.getRow(3);
        assertThat((long) reversal.getCell(8).getNumericCellValue()).isEqualTo(firstCredit);
        assertThat(reversal.getCell(6).getNumericCellValue()).isEqualTo(-12.5);
        var note = sheet.getRow(2).getCell(14);
        assertThat(note.getCellType()).isEqualTo(CellType.STRING);
        assertThat(note.getStringCellValue()).isEqualTo(EVIL_NOTE);
        assertThat(note.getCellStyle().getQuotePrefixed()).isTrue();
    }

    @Test
    void the_export_is_recorded_in_the_audit_trail() {
        download(port, "exec", "/api/exports/credits.xlsx?incidentId=" + incident);
        assertThat(SystemActor.call(() -> audit.find(new AuditFilter("exec", "CREDITS_EXPORTED", null,
                String.valueOf(incident), null, null, null), PageRequest.of(0, 5))).getTotalElements()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"agent", "agent2", "store", "till"})
    void agents_store_managers_and_tills_cannot_export_the_ledger_as_they_cannot_list_credits(String user) {
        // issue 16, hole 8: one rule for agents, the ledger like the list and the totals
        if (user.startsWith("agent")) {
            assertThat(Api.as(port, user).get("/api/credits?incidentId=" + incident).status()).isEqualTo(403);
        }
        assertThat(download(port, user, "/api/exports/credits.xlsx?incidentId=" + incident).statusCode())
                .isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"manager", "exec"})
    void incident_managers_and_executives_export_credits(String user) {
        assertThat(download(port, user, "/api/exports/credits.xlsx?incidentId=" + incident).statusCode())
                .isEqualTo(200);
    }
}
