package org.outagedesk.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.outagedesk.TestDatabase;
import org.outagedesk.base.SystemActor;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.Severity;
import org.outagedesk.incident.UpdateOverdue;
import org.outagedesk.notices.NoticeService;
import org.outagedesk.notices.NoticeTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * GET /api/messages finds an incident's and a recipient's messages in two parts (the notices' through their event or
 * subscriber, the e-mails through their kind): every filter, alone and together, gives exactly the messages it names,
 * whether a page sorts the matches or walks the outbox newest first.
 */
@IntegrationTest
class MessageSearchTest {

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
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    MessageSearch search;

    @Test
    void each_filter_finds_exactly_its_messages_either_way_a_page_is_read() {
        long a = NoticeTestSupport.newIncident(incidents);
        long b = NoticeTestSupport.newIncident(incidents);
        List<String> inA = NoticeTestSupport.subscribers(impacts, a, 2);
        String s1 = inA.get(0);
        String s2 = inA.get(1);
        long noticeA = NoticeTestSupport.smsDraft(notices, a, "Search A").id();
        long noticeB = NoticeTestSupport.smsDraft(notices, b, "Search B").id();
        NoticeTestSupport.message(jdbc, impacts, noticeA, s1, "DELIVERED", null);
        NoticeTestSupport.message(jdbc, impacts, noticeA, s2, "FAILED", "The SMSC reports: undeliverable");
        // the other incident's notice went to s1 too
        NoticeTestSupport.message(jdbc, impacts, noticeB, s1, "DELIVERED", null);
        // and s1 was e-mailed notice A at an address of its own
        long s1Id = SystemActor.call(() -> impacts.subscriberId(s1));
        String s1Mail = "search-" + s1.substring(1) + "@example.org";
        jdbc.update("insert into outbox_message (id, kind, event_key, recipient_key, channel, subscriber_id, address,"
                + " subject, body, status, attempts, not_before, queued_at, sent_at) values ("
                + TestDatabase.nextValue("outbox_message_seq") + ", 'NOTICE', ?, ?, 'EMAIL', ?, ?, 'S', 'Hello',"
                + " 'SENT', 1, ?, ?, ?)", "NOTICE:" + noticeA, Long.toString(s1Id), s1Id, s1Mail,
                Timestamp.from(Instant.now()), Timestamp.from(Instant.now()),
                Timestamp.from(Instant.now()));
        jdbc.update("update subscriber set email = ? where id = ?", s1Mail, s1Id);
        // incident A's team e-mails: an update overdue, to each incident manager
        Instant due = Instant.parse("2030-02-01T10:00:00Z");
        events.publishEvent(new UpdateOverdue(a, "Search test", Severity.SEV2, due.minus(Duration.ofHours(4)), due,
                Duration.ofHours(4), 0, due.plus(Duration.ofMinutes(5))));
        NoticeTestSupport.await(Duration.ofSeconds(20), "the update-overdue e-mails queued", () -> !keys(
                "incidentId=" + a + "&kind=UPDATE_OVERDUE").isEmpty());

        for (long sortUpTo : new long[] {MessageSearch.SORT_MATCHES_UP_TO, 0}) {
            search.sortMatchesUpTo = sortUpTo;
            try {
                String as = "(page read with matches sorted up to " + sortUpTo + ")";
                List<String> ofA = keys("incidentId=" + a);
                assertThat(ofA).as(as).contains("NOTICE:" + noticeA + " " + s1Id + " SMS",
                        "NOTICE:" + noticeA + " " + inAId(s2) + " SMS", "NOTICE:" + noticeA + " " + s1Id + " EMAIL")
                        .doesNotContain("NOTICE:" + noticeB + " " + s1Id + " SMS")
                        .anyMatch(k -> k.startsWith("update-overdue:" + a + ":") && k.contains(" user:manager2 "));
                assertThat(ofA).as(as).allMatch(k -> k.startsWith("NOTICE:" + noticeA + " ")
                        || k.startsWith("update-overdue:" + a + ":"));
                assertThat(keys("incidentId=" + b)).as(as).containsExactly("NOTICE:" + noticeB + " " + s1Id
                        + " SMS");
                // by number: the texts of both incidents' notices to s1 (its e-mail has another address)
                assertThat(keys("recipient=" + s1)).as(as).containsExactlyInAnyOrder("NOTICE:" + noticeA + " " + s1Id
                        + " SMS", "NOTICE:" + noticeB + " " + s1Id + " SMS");
                assertThat(keys("recipient=" + s1 + "&incidentId=" + a)).as(as).containsExactly("NOTICE:" + noticeA
                        + " " + s1Id + " SMS");
                assertThat(keys("recipient=" + s1 + "&incidentId=" + b + "&status=FAILED")).as(as).isEmpty();
                // by its recipient key (the subscriber's id): every notice message to s1
                assertThat(keys("recipient=" + s1Id)).as(as).hasSize(3);
                assertThat(keys("recipient=" + s1Mail)).as(as).containsExactly("NOTICE:" + noticeA + " " + s1Id
                        + " EMAIL");
                assertThat(keys("recipient=user:manager2&incidentId=" + a)).as(as).isNotEmpty()
                        .allMatch(k -> k.startsWith("update-overdue:" + a + ":") && k.contains(" user:manager2 "));
                assertThat(keys("recipient=user:manager2&incidentId=" + b)).as(as).isEmpty();
                assertThat(keys("kind=NOTICE&incidentId=" + a)).as(as).hasSize(3)
                        .allMatch(k -> k.startsWith("NOTICE:" + noticeA + " "));
                assertThat(keys("kind=UPDATE_OVERDUE&incidentId=" + a)).as(as).isNotEmpty()
                        .allMatch(k -> k.startsWith("update-overdue:" + a + ":"));
                assertThat(keys("status=FAILED&incidentId=" + a)).as(as).containsExactly("NOTICE:" + noticeA + " "
                        + inAId(s2) + " SMS");
                assertThat(keys("recipient=+19999999999")).as(as).isEmpty();
                // a page at a time, newest first, adds up to the whole list
                List<String> paged = new ArrayList<>();
                JsonNode first = page("incidentId=" + a + "&size=2&page=0");
                long total = first.get("totalElements").asLong();
                assertThat(total).as(as).isEqualTo(ofA.size());
                for (int p = 0; p * 2 < total; p++) {
                    for (JsonNode row : page("incidentId=" + a + "&size=2&page=" + p).get("content")) {
                        paged.add(key(row));
                    }
                }
                assertThat(paged).as(as).containsExactlyElementsOf(ofA);
            } finally {
                search.sortMatchesUpTo = MessageSearch.SORT_MATCHES_UP_TO;
            }
        }
    }

    /**
     * Without an incident or a recipient, a status (alone, with the notices' kind, with an e-mail's kind) lists exactly
     * the outbox's newest matches and counts them all, whether its page sorts the matches or walks the outbox: the
     * same page as the SQL below, whatever earlier tests left in the outbox.
     */
    @Test
    void a_status_alone_or_with_a_kind_lists_the_newest_matches_either_way_a_page_is_read() {
        long a = NoticeTestSupport.newIncident(incidents);
        List<String> numbers = NoticeTestSupport.subscribers(impacts, a, 3);
        long notice = NoticeTestSupport.smsDraft(notices, a, "Search by status").id();
        NoticeTestSupport.message(jdbc, impacts, notice, numbers.get(0), "FAILED", "The SMSC reports: undeliverable");
        NoticeTestSupport.message(jdbc, impacts, notice, numbers.get(1), "SKIPPED", "opted-out");
        NoticeTestSupport.message(jdbc, impacts, notice, numbers.get(2), "FAILED", "The SMSC reports: undeliverable");
        for (int k = 0; k < 2; k++) {
            jdbc.update("insert into outbox_message (id, kind, event_key, recipient_key, channel, address, subject,"
                    + " body, status, attempts, not_before, queued_at, done_at, last_error) values ("
                    + TestDatabase.nextValue("outbox_message_seq") + ", 'HOLD_CHANGED', ?, ?, 'EMAIL', ?, 'S', 'Hi',"
                    + " 'FAILED', 1, ?, ?, ?, 'The relay refused it')", "hold-placed:search-" + k, "store:S-" + k,
                    "s" + k + "@example.org", Timestamp.from(Instant.now()), Timestamp.from(Instant.now()),
                    Timestamp.from(Instant.now()));
        }
        String[][] queries = {{"status=FAILED", "status = 'FAILED'"}, {"status=SKIPPED", "status = 'SKIPPED'"},
            {"kind=NOTICE&status=FAILED", "kind = 'NOTICE' and status = 'FAILED'"},
            {"kind=NOTICE&status=SKIPPED", "kind = 'NOTICE' and status = 'SKIPPED'"},
            {"kind=HOLD_CHANGED&status=FAILED", "kind = 'HOLD_CHANGED' and status = 'FAILED'"},
            {"kind=HOLD_CHANGED&status=SKIPPED", "kind = 'HOLD_CHANGED' and status = 'SKIPPED'"}};
        for (long sortUpTo : new long[] {MessageSearch.SORT_MATCHES_UP_TO, 0}) {
            search.sortMatchesUpTo = sortUpTo;
            try {
                for (String[] q : queries) {
                    String as = q[0] + " (matches sorted up to " + sortUpTo + ")";
                    long total = jdbc.queryForObject("select count(*) from outbox_message where " + q[1], Long.class);
                    assertThat(total).as(as).isGreaterThanOrEqualTo(q[0].contains("SKIPPED") ? 0 : 2);
                    for (int p = 0; p < 2; p++) {
                        List<Long> expected = jdbc.queryForList("select id from outbox_message where " + q[1]
                                + " order by id desc offset " + p * 2 + " rows fetch next 2 rows only", Long.class);
                        JsonNode page = page(q[0] + "&size=2&page=" + p);
                        List<Long> ids = new ArrayList<>();
                        page.get("content").forEach(row -> ids.add(row.get("id").asLong()));
                        assertThat(ids).as(as + ", page " + p).containsExactlyElementsOf(expected);
                        assertThat(page.get("totalElements").asLong()).as(as).isEqualTo(total);
                    }
                }
            } finally {
                search.sortMatchesUpTo = MessageSearch.SORT_MATCHES_UP_TO;
            }
        }
    }

    @Test
    void a_message_of_a_kind_the_list_does_not_know_is_refused() {
        assertThatThrownBy(() -> new OutboundMessage("STORE_EMAIL", "e", "r", Channel.EMAIL, null, "a@b.c", "s",
                "b", null, Instant.now(), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STORE_EMAIL");
    }

    private long inAId(String msisdn) {
        return SystemActor.call(() -> impacts.subscriberId(msisdn));
    }

    private JsonNode page(String query) {
        Api.Response r = Api.as(port, "manager").get("/api/messages?" + query.replace("+", "%2B"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** Every message the query lists (up to 500), as "event recipient channel", newest first; the total checked. */
    private List<String> keys(String query) {
        JsonNode page = page(query + "&size=500");
        List<String> keys = new ArrayList<>();
        for (JsonNode row : page.get("content")) {
            keys.add(key(row));
        }
        assertThat(page.get("totalElements").asLong()).as(query).isEqualTo(keys.size());
        List<Long> ids = new ArrayList<>();
        page.get("content").forEach(row -> ids.add(row.get("id").asLong()));
        assertThat(ids).as("newest first: " + query).isSortedAccordingTo((x, y) -> Long.compare(y, x));
        return keys;
    }

    private static String key(JsonNode row) {
        return row.get("eventKey").asString() + " " + row.get("recipient").asString() + " "
                + row.get("channel").asString();
    }
}
