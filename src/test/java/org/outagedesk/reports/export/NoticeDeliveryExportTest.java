package org.outagedesk.reports.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.reports.export.ExportTestSupport.download;
import static org.outagedesk.reports.export.ExportTestSupport.workbook;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.outagedesk.base.SystemActor;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.notices.NoticeFigures;
import org.outagedesk.notices.NoticeService;
import org.outagedesk.notices.NoticeTestSupport;
import org.outagedesk.outbox.MessageStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The delivery report of a notice (XLSX) and the overview's notice figures agree with the outbox in SQL. */
@IntegrationTest
class NoticeDeliveryExportTest {

    @LocalServerPort
    int port;
    @Autowired
    IncidentService incidents;
    @Autowired
    ImpactService impacts;
    @Autowired
    NoticeService notices;
    @Autowired
    JdbcTemplate jdbc;

    long incident;
    long notice;

    @BeforeEach
    void aNoticeWithMessagesInEveryState() {
        incident = NoticeTestSupport.newIncident(incidents);
        List<String> numbers = NoticeTestSupport.subscribers(impacts, incident, 6);
        notice = NoticeTestSupport.smsDraft(notices, incident, "Report test").id();
        String[][] states = {{"DELIVERED", null}, {"DELIVERED", null}, {"SENT", null},
                {"FAILED", "undeliverable (SMSC error 0x0b)"}, {"SKIPPED", "opted out"}, {"QUEUED", null}};
        for (int k = 0; k < states.length; k++) {
            NoticeTestSupport.message(jdbc, impacts, notice, numbers.get(k), states[k][0], states[k][1]);
        }
    }

    /** By status, channel, then as queued: the order the outbox's index gives without a sort (migration V108). */
    @Test
    void the_report_has_one_row_per_message_as_in_the_outbox() {
        HttpResponse<byte[]> r = download(port, "manager", "/api/exports/notice-delivery.xlsx?noticeId=" + notice);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).contains("notice-" + notice
                + "-delivery-", ".xlsx");
        XSSFSheet sheet = workbook(r).getSheet("Messages");
        List<Map<String, Object>> expected = jdbc.queryForList("select id, subscriber_id, channel, address, status,"
                + " coalesce(skip_reason, last_error) as reason, attempts from outbox_message where event_key = ?"
                + " order by status, channel, id", "NOTICE:" + notice);
        assertThat(expected).hasSize(6);
        // the failed text, queued after the sent one, comes before it: not the order of the ids
        assertThat(expected.get(2).get("status")).isEqualTo("FAILED");
        assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Message");
        assertThat(sheet.getLastRowNum() - 1).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Map<String, Object> e = expected.get(i);
            Row row = sheet.getRow(i + 2);
            assertThat((long) row.getCell(0).getNumericCellValue()).isEqualTo(((Number) e.get("id")).longValue());
            assertThat((long) row.getCell(1).getNumericCellValue())
                    .isEqualTo(((Number) e.get("subscriber_id")).longValue());
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo(e.get("channel"));
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo(e.get("address"));
            assertThat(row.getCell(4).getStringCellValue())
                    .isEqualTo(MessageStatus.valueOf((String) e.get("status")).label());
            String reason = (String) e.get("reason");
            if (reason == null) {
                assertThat(row.getCell(5) == null ? "" : row.getCell(5).getStringCellValue()).isEmpty();
            } else {
                assertThat(row.getCell(5).getStringCellValue()).isEqualTo(reason);
            }
            assertThat((long) row.getCell(6).getNumericCellValue())
                    .isEqualTo(((Number) e.get("attempts")).longValue());
        }
    }

    /** The notice's message list (the API) pages in the report's order, by status when asked, within bounds. */
    @Test
    void the_message_list_pages_by_status_channel_then_as_queued_and_filters_by_status() {
        List<Long> expected = jdbc.queryForList("select id from outbox_message where event_key = ? order by status,"
                + " channel, id", Long.class, "NOTICE:" + notice);
        List<Long> listed = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            Api.Response r = Api.as(port, "manager").get("/api/notices/" + notice + "/messages?size=2&page=" + page);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("totalElements").asLong()).isEqualTo(6);
            r.json().get("content").forEach(m -> listed.add(m.get("id").asLong()));
        }
        assertThat(listed).isEqualTo(expected);
        Api.Response failed = Api.as(port, "manager").get("/api/notices/" + notice + "/messages?status=failed");
        assertThat(failed.json().get("content")).singleElement()
                .satisfies(m -> assertThat(m.get("reason").asString()).contains("0x0b"));
        assertThat(failed.json().get("totalElements").asLong()).isEqualTo(1);
        Api.Response tooBig = Api.as(port, "manager").get("/api/notices/" + notice + "/messages?size=501");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.body()).contains("size is from 1 to 500");
        Api.Response noStatus = Api.as(port, "manager").get("/api/notices/" + notice + "/messages?status=LOST");
        assertThat(noStatus.status()).isEqualTo(400);
        assertThat(noStatus.body()).contains("Not a message status");
        assertThat(Api.as(port, "agent").get("/api/notices/" + notice + "/messages").status()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"agent", "exec", "store", "till"})
    void only_incident_managers_export_the_delivery_report(String user) {
        assertThat(download(port, user, "/api/exports/notice-delivery.xlsx?noticeId=" + notice).statusCode())
                .isEqualTo(403);
    }

    @Test
    void the_notified_and_delivered_figures_equal_the_outbox_in_sql() {
        NoticeFigures figures = SystemActor.call(() -> notices.figures(incident));
        long notified = jdbc.queryForObject("select count(*) from outbox_message m join customer_notice n"
                + " on m.event_key = concat('NOTICE:', cast(n.id as varchar(20))) where n.incident_id = ?"
                + " and m.status in ('SENT', 'DELIVERED', 'FAILED', 'EXPIRED')", Long.class, incident);
        long delivered = jdbc.queryForObject("select count(*) from outbox_message m join customer_notice n"
                + " on m.event_key = concat('NOTICE:', cast(n.id as varchar(20))) where n.incident_id = ?"
                + " and m.status = 'DELIVERED'", Long.class, incident);
        assertThat(notified).isEqualTo(4);
        assertThat(delivered).isEqualTo(2);
        assertThat(figures.notified()).isEqualTo(notified);
        assertThat(figures.delivered()).isEqualTo(delivered);
    }
}
