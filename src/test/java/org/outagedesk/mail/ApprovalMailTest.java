package org.outagedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.notices.NoticeTestSupport.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.outagedesk.base.SystemActor;
import org.outagedesk.impact.ImportMode;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.notices.NoticeTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * APPROVAL_PENDING: a credit above its requester's limit, a submitted campaign or customer notice e-mails the other
 * incident managers who have an address, once each, with a link to where they approve it (received on GreenMail).
 */
@IntegrationTest
class ApprovalMailTest {

    @LocalServerPort
    int port;
    @Autowired
    GreenMail mail;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IncidentService incidents;
    @Autowired
    ImpactService impacts;

    long incident;
    String manager;
    String manager2;

    @BeforeEach
    void addresses() {
        incident = NoticeTestSupport.newIncident(incidents);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        manager = "m1-" + tag + "@team.example.com";
        manager2 = "m2-" + tag + "@team.example.com";
        jdbc.update("update app_user set email = ? where username = 'manager'", manager);
        jdbc.update("update app_user set email = ? where username = 'manager2'", manager2);
    }

    @AfterEach
    void putBack() {
        jdbc.update("update app_user set email = null where username in ('manager', 'manager2')");
    }

    List<MimeMessage> mailTo(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    int rows(String eventKey, String recipient) {
        Integer n = jdbc.queryForObject("select count(*) from outbox_message where event_key = ? and recipient_key = ?"
                + " and kind = 'APPROVAL_PENDING'", Integer.class, eventKey, recipient);
        return n == null ? 0 : n;
    }

    @Test
    void a_submitted_notice_emails_the_other_incident_manager_once_with_a_link_and_not_the_submitter() {
        Api.Response created = Api.as(port, "manager").post("/api/notices", "{\"incidentId\":" + incident
                + ",\"name\":\"Approval notice\",\"filter\":{\"status\":[\"LOST\"]},\"channels\":[\"SMS\"],"
                + "\"fallback\":false,\"sms\":\"Your data may be lost\",\"urgent\":false}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        Api.Response submitted = Api.as(port, "manager").post("/api/notices/" + id + "/submit", null);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);

        String key = "approval-pending:notice:" + id;
        assertThat(rows(key, "user:manager2")).isEqualTo(1);
        assertThat(rows(key, "user:manager")).as("not the submitter").isZero();
        await(Duration.ofSeconds(30), "manager2 got the e-mail", () -> mailTo(manager2).stream()
                .anyMatch(m -> GreenMailUtil.getWholeMessage(m).contains("Approval notice")));
        MimeMessage m = mailTo(manager2).stream()
                .filter(x -> GreenMailUtil.getWholeMessage(x).contains("Approval notice")).findFirst().orElseThrow();
        String text = GreenMailUtil.getWholeMessage(m).replace("=\r\n", "").replace("=\n", "");
        assertThat(text).contains("/notices").contains("Submitted by manager").contains("(America/Los_Angeles)");
        assertThat(mailTo(manager).stream().anyMatch(x -> GreenMailUtil.getWholeMessage(x)
                .contains("Approval notice"))).isFalse();
    }

    @Test
    void a_submitted_campaign_emails_the_other_incident_manager_once() {
        Api.Response created = Api.as(port, "manager").post("/api/campaigns", "{\"incidentId\":" + incident
                + ",\"name\":\"Approval campaign\",\"tiers\":[{\"name\":\"Month\",\"rules\":{\"statuses\":[\"LOST\"]},"
                + "\"reasonCode\":\"DATA_SERVICE_MONTH\",\"amount\":20.00}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(Api.as(port, "manager").post("/api/campaigns/" + id + "/submit", null).status()).isEqualTo(200);
        String key = "approval-pending:campaign:" + id;
        assertThat(rows(key, "user:manager2")).isEqualTo(1);
        assertThat(rows(key, "user:manager")).isZero();
        String body = jdbc.queryForObject("select body from outbox_message where event_key = ?", String.class, key);
        assertThat(body).contains("Credit campaign 'Approval campaign' waits for your approval").contains("/campaigns");
    }

    @Test
    void an_agents_credit_above_their_limit_emails_the_incident_managers_with_an_address_only() {
        jdbc.update("update app_user set email = null where username = 'manager2'");
        String msisdn = NoticeTestSupport.msisdn();
        String tail = msisdn.substring(msisdn.length() - 6);
        byte[] csv = ("msisdn,account,name,sku,store,data_plan,status,categories,last_sync\n" + msisdn + ",ACC-A"
                + tail + ",Approval Person,SK-LX09-CARBLA,D-NY-UWS-01,true,LOST,PHOTOS,2009-10-01T14:22:05-07:00\n")
                .getBytes(StandardCharsets.UTF_8);
        SystemActor.call(() -> impacts.importCsv(incident, new ByteArrayInputStream(csv), csv.length,
                "approval-test.csv", ImportMode.ALL_OR_NOTHING));
        Api.Response within = Api.as(port, "agent").post("/api/credits", "{\"msisdn\":\"" + msisdn
                + "\",\"incidentId\":" + incident + ",\"reasonCode\":\"GOODWILL\",\"amount\":10.00}");
        assertThat(within.status()).as(within.body()).isEqualTo(201);
        assertThat(rows("approval-pending:credit:" + within.json().get("id").asLong(), "user:manager"))
                .as("a credit within the limit waits for nobody").isZero();

        Api.Response above = Api.as(port, "agent").post("/api/credits", "{\"msisdn\":\"" + msisdn
                + "\",\"incidentId\":" + incident + ",\"reasonCode\":\"GOODWILL\",\"amount\":40.00}");
        assertThat(above.status()).as(above.body()).isEqualTo(201);
        assertThat(above.json().get("status").asString()).isEqualTo("PENDING_APPROVAL");
        String key = "approval-pending:credit:" + above.json().get("id").asLong();
        assertThat(rows(key, "user:manager")).isEqualTo(1);
        assertThat(rows(key, "user:manager2")).as("no address: no row").isZero();
        await(Duration.ofSeconds(30), "manager got the e-mail", () -> mailTo(manager).stream()
                .anyMatch(m -> GreenMailUtil.getWholeMessage(m).replace("=\r\n", "").contains("/credits/approvals")));
    }
}
