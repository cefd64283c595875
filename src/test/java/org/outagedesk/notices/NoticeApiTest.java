package org.outagedesk.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.notices.NoticeTestSupport.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Customer notices end to end over the API, through the real SMSC simulator and the real GreenMail server: sending,
 * receipts, opt-outs by STOP, the SMSC down, resending and quiet hours. Deciding on, pausing and refusing notices is
 * {@link NoticeLifecycleApiTest}.
 */
@IntegrationTest
class NoticeApiTest extends NoticeApiFixture {

    @Test
    void a_notice_goes_out_by_text_and_email_after_a_second_manager_approves_and_receipts_come_back()
            throws Exception {
        List<String> numbers = NoticeTestSupport.subscribers(impacts, incident, 4);
        NoticeTestSupport.email(jdbc, numbers.get(0), "first-" + numbers.get(0).substring(1) + "@example.com");
        long id = create(notice("[\"SMS\",\"EMAIL\"]", false, "Hi {name}: {statusText}. Credit {credit}.", true));

        JsonNode preview = manager().post("/api/notices/" + id + "/preview", null).json();
        assertThat(preview.get("recipients").asLong()).isEqualTo(4);
        assertThat(preview.get("byChannel").get("SMS").asLong()).isEqualTo(4);
        assertThat(preview.get("byChannel").get("EMAIL").asLong()).isEqualTo(1);
        assertThat(preview.get("skipped").get("no e-mail address").asLong()).isEqualTo(3);
        assertThat(preview.get("samples")).hasSize(3);
        assertThat(preview.get("samples").get(0).get("text").asString()).startsWith("Hi Notice Person")
                .contains("we could not recover the data");

        assertThat(manager().post("/api/notices/" + id + "/submit", null).status()).isEqualTo(200);
        Api.Response own = manager().post("/api/notices/" + id + "/approve", null);
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.body()).contains("second incident manager");
        assertThat(manager2().post("/api/notices/" + id + "/approve", null).status()).isEqualTo(200);

        await(Duration.ofSeconds(30), "the notice completes and every receipt is back",
                () -> "COMPLETED".equals(get(id).get("status").asString()) && count(id, "DELIVERED") == 4);
        JsonNode done = get(id);
        assertThat(done.get("counts").get("SKIPPED").asLong()).isEqualTo(3);
        // the relay took the e-mail: SMTP tells no more
        assertThat(done.get("byChannel").get("EMAIL").get("SENT").asLong()).isEqualTo(1);
        assertThat(done.get("byChannel").get("SMS").get("DELIVERED").asLong()).isEqualTo(4);
        for (String n : numbers) {
            assertThat(smsc.receivedBy(n)).as(n).isEqualTo(1);
        }
        MimeMessage[] received = mail.getReceivedMessages();
        // other features e-mail stores and the team on the same server meanwhile: count this notice's recipient only
        assertThat(Arrays.stream(received).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().startsWith("first-" + numbers.get(0).substring(1));
            } catch (Exception e) {
                return false;
            }
        }).count()).isEqualTo(1);
        MimeMessage email = Arrays.stream(received).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().startsWith("first-" + numbers.get(0).substring(1));
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
        assertThat(email.getSubject()).isEqualTo("About your contacts, photos");
        assertThat(email.getHeader("List-Unsubscribe")[0]).startsWith("<mailto:");
        String raw = new String(email.getRawInputStream().readAllBytes());
        String whole = GreenMailUtil.getWholeMessage(email);
        assertThat(whole).contains("text/plain").contains("text/html").contains("&lt;b&gt;Details&lt;/b&gt;");
        assertThat(raw).isNotEmpty();

        Integer timeline = jdbc.queryForObject("select count(*) from timeline_entry where incident_id = ? and"
                + " entry_type = 'CUSTOMER_NOTICE'", Integer.class, incident);
        assertThat(timeline).isEqualTo(2);
        String finished = jdbc.queryForObject("select body from timeline_entry where incident_id = ? and"
                + " entry_type = 'CUSTOMER_NOTICE' and body like '%finished%'", String.class, incident);
        assertThat(finished).contains("finished sending").contains("3 skipped");

        JsonNode mine = Api.as(port, "agent").get("/api/subscribers/" + numbers.get(1) + "/notices").json();
        // the text, and the e-mail that could not go (no address) with its reason
        assertThat(mine).hasSize(2);
        JsonNode text = mine.get(0).get("channel").asString().equals("SMS") ? mine.get(0) : mine.get(1);
        JsonNode skipped = text == mine.get(0) ? mine.get(1) : mine.get(0);
        assertThat(text.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(text.get("sentAt").isNull()).isFalse();
        assertThat(skipped.get("reason").asString()).isEqualTo("no e-mail address");
        // the contact is written a moment after the receipt (outbox.DeliveredMessages), at the delivery's time
        await(Duration.ofSeconds(20), "the delivered text is a contact", () -> jdbc.queryForObject("select count(*)"
                + " from contact_log_entry c join impact i on i.id = c.impact_id join subscriber s on s.id ="
                + " i.subscriber_id where s.msisdn = ? and c.agent = 'notice'", Integer.class, numbers.get(1)) > 0);
        Integer contacts = jdbc.queryForObject("select count(*) from contact_log_entry c join impact i on i.id ="
                + " c.impact_id join subscriber s on s.id = i.subscriber_id where s.msisdn = ? and c.agent ="
                + " 'notice'", Integer.class, numbers.get(1));
        assertThat(contacts).isEqualTo(1);
        assertThat(jdbc.queryForObject("select c.contacted_at = m.done_at from contact_log_entry c join impact i on"
                + " i.id = c.impact_id join subscriber s on s.id = i.subscriber_id join outbox_message m on"
                + " m.subscriber_id = s.id and m.channel = 'SMS' where s.msisdn = ? and c.agent = 'notice'",
                Boolean.class, numbers.get(1))).as("contacted when delivered").isTrue();
        Integer contacted = jdbc.queryForObject("select count(*) from impact i join subscriber s on s.id ="
                + " i.subscriber_id where s.msisdn = ? and i.incident_id = ? and i.last_contacted_at is not null",
                Integer.class, numbers.get(1), incident);
        assertThat(contacted).as("the delivered notice is the impact's last contact").isEqualTo(1);
    }

    @Test
    void a_stop_reply_puts_the_number_on_the_opt_out_list_and_later_notices_skip_it() throws Exception {
        List<String> numbers = NoticeTestSupport.subscribers(impacts, incident, 2);
        // a bound session is needed for the reply to come in
        await(Duration.ofSeconds(10), "the application is bound to the SMSC", () -> manager()
                .get("/api/opt-outs").status() == 200 && smscBound());
        smsc.reply(numbers.get(0), "Stop");
        await(Duration.ofSeconds(10), "the STOP is recorded", () -> manager().get("/api/opt-outs?size=500").body()
                .contains(numbers.get(0)));
        long id = create(notice("[\"SMS\"]", false, "Hi {name}", true));
        JsonNode preview = manager().post("/api/notices/" + id + "/preview", null).json();
        assertThat(preview.get("skipped").get("opted out").asLong()).isEqualTo(1);
        assertThat(preview.get("byChannel").get("SMS").asLong()).isEqualTo(1);

        long fallback = create(notice("[\"SMS\",\"EMAIL\"]", true, "Hi {name}", true));
        NoticeTestSupport.email(jdbc, numbers.get(0), "stopped-" + numbers.get(0).substring(1) + "@example.com");
        JsonNode p2 = manager().post("/api/notices/" + fallback + "/preview", null).json();
        assertThat(p2.get("byChannel").get("SMS").asLong()).isEqualTo(1);
        assertThat(p2.get("byChannel").get("EMAIL").asLong()).isEqualTo(1);
    }

    /**
     * A STOP that comes while the notice's texts wait for morning (or by the API, from an agent on the phone): that
     * number's text is skipped as opted out when its turn comes, the others go.
     */
    @Test
    void a_stop_while_the_notice_waits_for_morning_skips_that_numbers_text_and_only_it() throws Exception {
        List<String> numbers = NoticeTestSupport.subscribers(impacts, incident, 3);
        await(Duration.ofSeconds(10), "the application is bound to the SMSC", this::smscBound);
        clock.setFixed(Instant.parse("2026-01-10T03:00:00Z"));
        long id = create(notice("[\"SMS\"]", false, "Hi {name}", false));
        approve(id);
        await(Duration.ofSeconds(30), "the texts are queued", () -> get(id).get("allQueued").asBoolean());

        smsc.reply(numbers.get(0), "STOP");
        await(Duration.ofSeconds(10), "the STOP is recorded", () -> manager().get("/api/opt-outs?size=500").body()
                .contains(numbers.get(0)));
        Api.Response byHand = Api.as(port, "agent").post("/api/opt-outs", "{\"msisdn\":\"" + numbers.get(1) + "\"}");
        assertThat(byHand.status()).as(byHand.body()).isEqualTo(201);

        clock.setFixed(Instant.parse("2026-01-10T13:00:00Z"));
        await(Duration.ofSeconds(30), "the morning's text is delivered and the other two skipped",
                () -> count(id, "DELIVERED") == 1 && count(id, "SKIPPED") == 2);
        assertThat(smsc.receivedBy(numbers.get(0))).isZero();
        assertThat(smsc.receivedBy(numbers.get(1))).isZero();
        assertThat(smsc.receivedBy(numbers.get(2))).isEqualTo(1);
        JsonNode skipped = manager().get("/api/notices/" + id + "/messages?status=SKIPPED").json().get("content");
        assertThat(skipped).hasSize(2);
        for (JsonNode m : skipped) {
            assertThat(m.get("reason").asString()).isEqualTo("opted out");
        }
    }

    boolean smscBound() {
        return jdbc.queryForList("select up from outbox_channel_state where channel = 'SMS'", Boolean.class)
                .stream().anyMatch(Boolean::booleanValue);
    }

    @Test
    void the_smsc_going_down_mid_send_loses_nothing_and_sending_resumes_by_itself() throws Exception {
        List<String> numbers = NoticeTestSupport.subscribers(impacts, incident, 150);
        smsc.configure(before.withSubmitDelay(25));
        long id = create(notice("[\"SMS\"]", false, "Hi {name}", true));
        long start = smsc.texts();
        approve(id);
        await(Duration.ofSeconds(30), "some texts went out", () -> smsc.texts() - start >= 20);
        smsc.stop();
        await(Duration.ofSeconds(30), "the screen says the SMSC is unreachable",
                () -> !get(id).get("smscDownSince").isNull());
        JsonNode down = get(id);
        assertThat(down.get("counts").get("QUEUED").asLong()).isPositive();
        smsc.configure(before);
        smsc.start();
        await(Duration.ofSeconds(60), "the notice completes", () -> "COMPLETED".equals(get(id).get("status")
                .asString()) && count(id, "SENT") == 0);
        JsonNode done = get(id);
        long delivered = done.get("counts").get("DELIVERED").asLong();
        long failed = done.get("counts").get("FAILED").asLong();
        assertThat(delivered + failed).isEqualTo(150);
        // at most the window of texts in flight when it went down may be in doubt: never sent twice
        assertThat(failed).isLessThanOrEqualTo(10);
        for (String n : numbers) {
            assertThat(smsc.receivedBy(n)).as(n).isLessThanOrEqualTo(1);
        }
        assertThat(get(id).get("smscDownSince").isNull()).isTrue();
    }

    @Test
    void resend_failed_sends_the_failed_texts_again_but_those_in_doubt_only_when_asked() {
        List<String> numbers = NoticeTestSupport.subscribers(impacts, incident, 3);
        String undeliverable = numbers.get(1).substring(1);
        String unanswered = numbers.get(2).substring(1);
        smsc.failNumbers().add(undeliverable);
        // the SMSC takes the third text but answers after the response timeout (3 s): it may have gone, in doubt
        smsc.holdNumbers().add(unanswered);
        try {
            long id = create(notice("[\"SMS\"]", false, "Hi {name}", true));
            approve(id);
            await(Duration.ofSeconds(30), "one delivered, one failed by receipt, one in doubt", () -> "COMPLETED"
                    .equals(get(id).get("status").asString()) && count(id, "DELIVERED") == 1
                    && count(id, "FAILED") == 2);
            assertThat(get(id).get("inDoubt").asLong()).isEqualTo(1);
            smsc.releaseHeld();
            smsc.failNumbers().remove(undeliverable);
            assertThat(Api.as(port, "agent").post("/api/notices/" + id + "/resend-failed", null).status())
                    .isEqualTo(403);

            Api.Response resend = manager().post("/api/notices/" + id + "/resend-failed", null);
            assertThat(resend.status()).as(resend.body()).isEqualTo(200);
            await(Duration.ofSeconds(30), "the undeliverable one is sent again and delivered; the one in doubt"
                    + " stays as it is", () -> "COMPLETED".equals(get(id).get("status").asString())
                            && count(id, "DELIVERED") == 2);
            assertThat(count(id, "FAILED")).isEqualTo(1);
            assertThat(smsc.receivedBy(numbers.get(1))).isEqualTo(2);
            assertThat(smsc.receivedBy(numbers.get(2))).as("the SMSC had it: not texted again").isEqualTo(1);

            Api.Response all = manager().post("/api/notices/" + id + "/resend-failed", "{\"includeInDoubt\":true}");
            assertThat(all.status()).as(all.body()).isEqualTo(200);
            await(Duration.ofSeconds(30), "the one in doubt is sent again when asked", () -> "COMPLETED"
                    .equals(get(id).get("status").asString()) && count(id, "DELIVERED") == 3);
            assertThat(get(id).get("inDoubt").asLong()).isZero();
            assertThat(smsc.receivedBy(numbers.get(2))).isEqualTo(2);
        } finally {
            smsc.failNumbers().remove(undeliverable);
            smsc.releaseHeld();
        }
    }

    @Test
    void texts_wait_for_the_end_of_quiet_hours_in_the_subscribers_zone_unless_the_notice_is_urgent() {
        List<String> numbers = NoticeTestSupport.subscribers(impacts, incident, 2);
        // 22:00 in New York (the subscribers' store is on the Upper West Side)
        Instant night = Instant.parse("2026-01-10T03:00:00Z");
        Instant morning = Instant.parse("2026-01-10T13:00:00Z");
        clock.setFixed(night);
        long id = create(notice("[\"SMS\"]", false, "Hi {name}", false));
        JsonNode preview = manager().post("/api/notices/" + id + "/preview", null).json();
        assertThat(preview.get("waitingForMorning").asLong()).isEqualTo(2);
        long start = smsc.texts();
        approve(id);
        await(Duration.ofSeconds(30), "the texts are queued", () -> get(id).get("allQueued").asBoolean());
        JsonNode messages = manager().get("/api/notices/" + id + "/messages").json().get("content");
        assertThat(messages.get(0).get("notBefore").asString()).isEqualTo("2026-01-10T13:00:00Z");
        clock.advance(Duration.ofHours(9).plusMinutes(59));
        assertThat(count(id, "QUEUED")).isEqualTo(2);
        assertThat(smsc.receivedBy(numbers.get(0))).isZero();

        long urgent = create(notice("[\"SMS\"]", false, "Urgent {name}", true));
        approve(urgent);
        await(Duration.ofSeconds(30), "the urgent texts go at night", () -> count(urgent, "DELIVERED") == 2);
        assertThat(count(id, "QUEUED")).isEqualTo(2);

        clock.setFixed(morning);
        await(Duration.ofSeconds(30), "the texts go in the morning", () -> count(id, "DELIVERED") == 2);
        assertThat(smsc.texts() - start).isEqualTo(4);
    }
}
