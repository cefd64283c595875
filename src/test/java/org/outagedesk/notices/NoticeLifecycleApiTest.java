package org.outagedesk.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.notices.NoticeTestSupport.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * What an incident manager decides about a customer notice over the API, and what the other roles may not: templates
 * refused, rejection, pause, resume and cancel, and every role's access.
 */
@IntegrationTest
class NoticeLifecycleApiTest extends NoticeApiFixture {

    @Test
    void templates_with_an_unknown_placeholder_or_too_many_parts_are_refused_with_a_clear_message() {
        Api.Response unknown = manager().post("/api/notices", notice("[\"SMS\"]", false, "Hi {nmae}", true));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("{nmae}").contains("{name}");
        Api.Response open = manager().post("/api/notices", notice("[\"SMS\"]", false, "Hi {name", true));
        assertThat(open.status()).isEqualTo(400);
        Api.Response tooLong = manager().post("/api/notices", notice("[\"SMS\"]", false, "x".repeat(470), true));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("4 SMS parts").contains("at most 3");
        Api.Response noChannel = manager().post("/api/notices", notice("[\"FAX\"]", false, "Hi", true));
        assertThat(noChannel.status()).isEqualTo(400);
        assertThat(noChannel.body()).contains("not a channel");
    }

    @Test
    void a_second_incident_manager_rejects_a_submitted_notice_with_a_reason_and_it_sends_nothing() {
        List<String> numbers = NoticeTestSupport.subscribers(impacts, incident, 2);
        long id = create(notice("[\"SMS\"]", false, "Hi {name}", true));
        String reason = "{\"reason\":\"Legal has not cleared the wording\"}";
        Api.Response draft = manager2().post("/api/notices/" + id + "/reject", reason);
        assertThat(draft.status()).as("a draft is not up for a decision").isEqualTo(409);
        assertThat(manager().post("/api/notices/" + id + "/submit", null).status()).isEqualTo(200);
        for (String user : List.of("agent", "exec", "store", "till")) {
            assertThat(Api.as(port, user).post("/api/notices/" + id + "/reject", reason).status()).as(user)
                    .isEqualTo(403);
        }
        Api.Response own = manager().post("/api/notices/" + id + "/reject", reason);
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.body()).contains("second incident manager");
        Api.Response blank = manager2().post("/api/notices/" + id + "/reject", "{\"reason\":\"  \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("Say why");
        assertThat(get(id).get("status").asString()).isEqualTo("SUBMITTED");

        Api.Response rejected = manager2().post("/api/notices/" + id + "/reject", reason);
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        JsonNode after = get(id);
        assertThat(after.get("status").asString()).isEqualTo("REJECTED");
        assertThat(after.get("rejectReason").asString()).isEqualTo("Legal has not cleared the wording");
        assertThat(after.get("decidedBy").asString()).isEqualTo("manager2");
        assertThat(after.get("total").asLong()).isZero();
        assertThat(manager2().post("/api/notices/" + id + "/approve", null).status()).isEqualTo(409);
        for (String n : numbers) {
            assertThat(smsc.receivedBy(n)).as(n).isZero();
        }
    }

    /**
     * Pause, resume and cancel, by an incident manager only. Both notices wait for the morning (quiet hours); in the
     * morning an urgent notice to the same subscribers goes first. Its texts are due later than the paused notice's
     * (claims go by due time), so once they are delivered the dispatcher has passed the paused texts by.
     */
    @Test
    void a_paused_notice_sends_nothing_until_resumed_and_a_cancelled_one_skips_what_was_not_sent() {
        List<String> numbers = NoticeTestSupport.subscribers(impacts, incident, 3);
        // 22:00 in New York (the subscribers' store is on the Upper West Side), then 08:00
        clock.setFixed(Instant.parse("2026-01-10T03:00:00Z"));
        long paused = create(notice("[\"SMS\"]", false, "Hi {name}", false));
        long cancelled = create(notice("[\"SMS\"]", false, "Hello {name}", false));
        approve(paused);
        approve(cancelled);
        await(Duration.ofSeconds(30), "both notices are queued", () -> get(paused).get("allQueued").asBoolean()
                && get(cancelled).get("allQueued").asBoolean());
        for (String user : List.of("agent", "exec", "store", "till")) {
            for (String action : List.of("pause", "resume", "cancel")) {
                assertThat(Api.as(port, user).post("/api/notices/" + paused + "/" + action, null).status())
                        .as(user + " " + action).isEqualTo(403);
            }
        }
        Api.Response notPaused = manager().post("/api/notices/" + paused + "/resume", null);
        assertThat(notPaused.status()).isEqualTo(409);
        assertThat(notPaused.body()).contains("resumed");

        Api.Response pause = manager().post("/api/notices/" + paused + "/pause", null);
        assertThat(pause.status()).as(pause.body()).isEqualTo(200);
        assertThat(get(paused).get("status").asString()).isEqualTo("PAUSED");
        Api.Response cancel = manager().post("/api/notices/" + cancelled + "/cancel", null);
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        assertThat(get(cancelled).get("status").asString()).isEqualTo("CANCELLED");
        // skipped in the background, a batch at a time (outbox.CancelledEvents)
        await(Duration.ofSeconds(30), "the cancelled notice's queued texts are skipped", () -> count(cancelled,
                "SKIPPED") == 3 && count(cancelled, "QUEUED") == 0);
        assertThat(jdbc.queryForObject("select body from timeline_entry where incident_id = ? and entry_type ="
                + " 'CUSTOMER_NOTICE' and body like '%cancelled by%'", String.class, incident))
                .contains("3 messages not sent. 3 skipped.");

        clock.setFixed(Instant.parse("2026-01-10T13:00:00Z"));
        long urgent = create(notice("[\"SMS\"]", false, "Urgent {name}", true));
        approve(urgent);
        await(Duration.ofSeconds(30), "the urgent notice is delivered", () -> count(urgent, "DELIVERED") == 3);
        assertThat(count(paused, "QUEUED")).isEqualTo(3);
        for (String n : numbers) {
            assertThat(smsc.receivedBy(n)).as(n + ": the urgent text only").isEqualTo(1);
        }

        Api.Response resume = manager().post("/api/notices/" + paused + "/resume", null);
        assertThat(resume.status()).as(resume.body()).isEqualTo(200);
        await(Duration.ofSeconds(30), "the resumed notice is delivered", () -> "COMPLETED".equals(get(paused)
                .get("status").asString()) && count(paused, "DELIVERED") == 3);
        for (String n : numbers) {
            assertThat(smsc.receivedBy(n)).as(n + ": the urgent text and the resumed one").isEqualTo(2);
        }
        assertThat(get(cancelled).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(count(cancelled, "SKIPPED")).isEqualTo(3);
    }

    @Test
    void only_incident_managers_run_notices_agents_see_a_subscribers_notices_and_others_nothing() {
        List<String> numbers = NoticeTestSupport.subscribers(impacts, incident, 1);
        String body = notice("[\"SMS\"]", false, "Hi {name}", true);
        for (String user : List.of("agent", "exec", "store", "till")) {
            assertThat(Api.as(port, user).post("/api/notices", body).status()).as(user).isEqualTo(403);
            assertThat(Api.as(port, user).get("/api/notices?incidentId=" + incident).status()).as(user)
                    .isEqualTo(403);
        }
        assertThat(Api.anonymous(port).post("/api/notices", body).status()).isEqualTo(401);
        long id = create(body);
        for (String user : List.of("agent", "exec", "store", "till")) {
            assertThat(Api.as(port, user).post("/api/notices/" + id + "/approve", null).status()).as(user)
                    .isEqualTo(403);
            assertThat(Api.as(port, user).post("/api/notices/" + id + "/preview", null).status()).as(user)
                    .isEqualTo(403);
        }
        assertThat(Api.as(port, "agent").get("/api/subscribers/" + numbers.get(0) + "/notices").status())
                .isEqualTo(200);
        for (String user : List.of("exec", "store", "till")) {
            assertThat(Api.as(port, user).get("/api/subscribers/" + numbers.get(0) + "/notices").status()).as(user)
                    .isEqualTo(403);
            assertThat(Api.as(port, user).get("/api/opt-outs").status()).as(user).isEqualTo(403);
            assertThat(Api.as(port, user).post("/api/opt-outs", "{\"msisdn\":\"" + numbers.get(0) + "\"}")
                    .status()).as(user).isEqualTo(403);
        }
        Api.Response notANumber = Api.as(port, "agent").post("/api/opt-outs", "{\"msisdn\":\"call me\"}");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.body()).contains("msisdn").contains("not an E.164 number");
        assertThat(Api.as(port, "agent").post("/api/opt-outs", "{\"msisdn\":\"" + numbers.get(0) + "\"}")
                .status()).isEqualTo(201);
        assertThat(Api.as(port, "agent").post("/api/opt-outs", "{\"msisdn\":\"" + numbers.get(0) + "\"}")
                .status()).as("already on the list").isEqualTo(200);
        assertThat(manager().get("/api/opt-outs?size=500").body()).contains(numbers.get(0));
    }
}
