package org.outagedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.notices.NoticeTestSupport.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.outagedesk.base.SystemActor;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.RegionDetails;
import org.outagedesk.catalog.StoreDetails;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.TimelineEntryDraft;
import org.outagedesk.incident.TimelineEntryType;
import org.outagedesk.incident.TimelineService;
import org.outagedesk.incident.Visibility;
import org.outagedesk.notices.NoticeTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * POST /api/incidents/{id}/timeline/{entryId}/send: a retail instruction e-mailed to chosen stores once each,
 * received on the demo's GreenMail server.
 */
@IntegrationTest
class RetailInstructionSendTest {

    @LocalServerPort
    int port;
    @Autowired
    GreenMail mail;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CatalogService catalog;
    @Autowired
    IncidentService incidents;
    @Autowired
    TimelineService timeline;

    long incident;
    long instruction;
    long note;
    String tag;
    String region;
    String storeA;
    String storeB;
    String storeC;
    String storeD;

    @BeforeEach
    void setUp() {
        incident = NoticeTestSupport.newIncident(incidents);
        tag = UUID.randomUUID().toString().substring(0, 8);
        region = "Send Region " + tag;
        storeA = ("SA-" + tag).toUpperCase();
        storeB = ("SB-" + tag).toUpperCase();
        storeC = ("SC-" + tag).toUpperCase();
        storeD = ("SD-" + tag).toUpperCase();
        SystemActor.run(() -> {
            catalog.saveRegion(new RegionDetails(region, "America/New_York", "Rita Region",
                    "rc-" + tag + "@region.example.com"));
            catalog.addStore(new StoreDetails(storeA, "Alpha " + tag, region, "New York", "DEALER",
                    "sa-" + tag + "@stores.example.com", "America/New_York"));
            catalog.addStore(new StoreDetails(storeB, "Beta " + tag, region, "Chicago", "DEALER",
                    "sb-" + tag + "@stores.example.com", "America/Chicago"));
            catalog.addStore(new StoreDetails(storeC, "Gamma " + tag, region, "Denver", "DEALER", null,
                    "America/Denver"));
            catalog.addStore(new StoreDetails(storeD, "Delta " + tag, region, "Boston", "DEALER",
                    "sd-" + tag + "@stores.example.com", "America/New_York"));
            catalog.closeStore(storeD);
            instruction = timeline.add(incident, new TimelineEntryDraft(TimelineEntryType.RETAIL_INSTRUCTION,
                    Instant.parse("2009-10-10T19:00:00Z"), Visibility.INTERNAL, false,
                    "Tell customers not to reset the device " + tag)).getId();
            note = timeline.add(incident, new TimelineEntryDraft(TimelineEntryType.NOTE,
                    Instant.parse("2009-10-10T19:30:00Z"), Visibility.INTERNAL, false, "Vendor talk " + tag)).getId();
        });
    }

    String path(long entry) {
        return "/api/incidents/" + incident + "/timeline/" + entry + "/send";
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

    int rows(String store) {
        Integer n = jdbc.queryForObject("select count(*) from outbox_message where event_key = ? and recipient_key = ?",
                Integer.class, "retail-instruction:" + incident + ":" + instruction, "store:" + store);
        return n == null ? 0 : n;
    }

    @Test
    void a_preview_counts_then_sending_emails_each_open_store_of_the_region_once_in_its_own_zone() throws Exception {
        String body = "{\"regions\": [\"" + region + "\"], \"stores\": [], \"all\": false}";
        Api.Response preview = Api.as(port, "manager").post(path(instruction) + "?dryRun=true", body);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        JsonNode p = preview.json();
        assertThat(p.get("dryRun").asBoolean()).isTrue();
        assertThat(p.get("stores").asLong()).isEqualTo(3);
        assertThat(p.get("emailed").asLong()).isEqualTo(2);
        assertThat(p.get("withoutAddress").asLong()).isEqualTo(1);
        assertThat(p.get("closedSkipped").asLong()).isEqualTo(1);
        assertThat(rows(storeA)).as("a preview sends nothing").isZero();

        Api.Response sent = Api.as(port, "manager").post(path(instruction), body);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().get("emailed").asLong()).isEqualTo(2);
        assertThat(sent.json().get("alreadySent").asLong()).isZero();
        assertThat(rows(storeA)).isEqualTo(1);
        assertThat(rows(storeC)).as("on record, skipped: no address").isEqualTo(1);
        assertThat(rows(storeD)).as("closed stores are left out").isZero();

        String a = "sa-" + tag + "@stores.example.com";
        String b = "sb-" + tag + "@stores.example.com";
        await(Duration.ofSeconds(30), "both stores got the instruction",
                () -> mailTo(a).size() == 1 && mailTo(b).size() == 1);
        String toA = GreenMailUtil.getWholeMessage(mailTo(a).get(0)).replace("=\r\n", "").replace("=\n", "");
        assertThat(mailTo(a).get(0).getSubject()).isEqualTo("Retail instruction for Alpha " + tag);
        assertThat(toA).contains("Tell customers not to reset the device " + tag)
                .contains("Sat Oct 10, 2009 3:00 PM EDT (America/New_York)").contains("/my-store")
                .doesNotContain("Vendor talk");
        assertThat(GreenMailUtil.getWholeMessage(mailTo(b).get(0)))
                .contains("Sat Oct 10, 2009 2:00 PM CDT (America/Chicago)");

        // sending again to a store that has it adds nothing, and says so
        Api.Response again = Api.as(port, "manager").post(path(instruction),
                "{\"stores\": [\"" + storeA.toLowerCase() + "\"]}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("stores").asLong()).isEqualTo(1);
        assertThat(again.json().get("emailed").asLong()).isZero();
        assertThat(again.json().get("alreadySent").asLong()).isEqualTo(1);
        assertThat(rows(storeA)).isEqualTo(1);
        JsonNode listed = Api.as(port, "manager").get("/api/messages?incidentId=" + incident
                + "&kind=RETAIL_INSTRUCTION").json();
        assertThat(listed.get("totalElements").asLong()).isEqualTo(3);
    }

    @Test
    void only_retail_instructions_are_sent_and_unknown_regions_or_stores_are_named_briefly() {
        Api.Response other = Api.as(port, "manager").post(path(note), "{\"all\": true}");
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.json().get("fields").has("entryId")).isTrue();

        String longName = "X".repeat(5000);
        Api.Response region = Api.as(port, "manager").post(path(instruction),
                "{\"regions\": [\"" + longName + "\"]}");
        assertThat(region.status()).isEqualTo(400);
        assertThat(region.contentType()).contains("application/problem+json");
        assertThat(region.json().get("fields").has("regions")).isTrue();
        assertThat(region.body()).doesNotContain("X".repeat(60));

        Api.Response store = Api.as(port, "manager").post(path(instruction),
                "{\"stores\": [\"" + storeA + "\", \"NOPE-" + tag + "\"]}");
        assertThat(store.status()).isEqualTo(400);
        assertThat(store.json().get("fields").get("stores").asString()).contains(("NOPE-" + tag).toUpperCase());

        assertThat(Api.as(port, "manager").post(path(instruction), "{}").status()).isEqualTo(400);
        assertThat(Api.as(port, "manager").post(path(instruction), "{\"all\": true, \"regions\": [\"" + this.region
                + "\"]}").status()).isEqualTo(400);
        assertThat(Api.as(port, "manager").post("/api/incidents/" + incident + "/timeline/999999999/send",
                "{\"all\": true}").status()).isEqualTo(404);
        assertThat(rows(storeA)).isZero();
    }

    @Test
    void every_role_but_incident_manager_is_refused() {
        for (String user : new String[] {"agent", "exec", "store", "till"}) {
            Api.Response r = Api.as(port, user).post(path(instruction) + "?dryRun=true", "{\"all\": true}");
            assertThat(r.status()).as(user).isEqualTo(403);
            assertThat(Api.as(port, user).post(path(instruction), "{\"stores\": [\"" + storeA + "\"]}").status())
                    .as(user).isEqualTo(403);
        }
        assertThat(rows(storeA)).isZero();
    }
}
