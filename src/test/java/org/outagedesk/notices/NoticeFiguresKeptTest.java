package org.outagedesk.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.notices.NoticeTestSupport.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.base.FigureCache;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;
import tools.jackson.databind.JsonNode;

/**
 * A big notice's counts are kept for a few seconds (the screen asks every two seconds, and counting a million messages
 * takes a second): the kept figures say when they were counted, and a notice whose state changes (here: it finishes)
 * is counted afresh. The test profile never keeps figures; this test keeps every one, as at a million messages.
 */
@IntegrationTest
class NoticeFiguresKeptTest extends NoticeApiFixture {

    @Autowired
    NoticeReader reader;

    @Test
    void kept_figures_say_when_they_were_counted_and_a_finished_notice_is_counted_afresh() throws Exception {
        List<String> numbers = NoticeTestSupport.subscribers(impacts, incident, 3);
        Object kept = ReflectionTestUtils.getField(reader, "figures");
        ReflectionTestUtils.setField(reader, "figures", new FigureCache<>(Duration.ZERO, Duration.ofHours(1),
                Duration.ofHours(1)));
        try {
            clock.setFixed(clock.instant());
            // the SMSC down: the texts stay queued
            smsc.stop();
            long id = create(notice("[\"SMS\"]", false, "Hi {name}", true));
            approve(id);
            await(Duration.ofSeconds(30), "the texts are queued", () -> get(id).get("allQueued").asBoolean());
            JsonNode first = get(id);
            assertThat(first.get("counts").get("QUEUED").asLong()).isEqualTo(3);
            assertThat(first.get("figuresKept").asBoolean()).isFalse();
            Instant counted = Instant.parse(first.get("figuresAsOf").asString());
            assertThat(counted).isEqualTo(clock.instant());

            // one of them changes in the database; the kept counts do not show it yet, and say how old they are
            jdbc.update("update outbox_message set status = 'SKIPPED', skip_reason = 'cancelled' where event_key = ?"
                    + " and address = ?", "NOTICE:" + id, numbers.get(0));
            clock.advance(Duration.ofSeconds(3));
            JsonNode later = get(id);
            assertThat(later.get("counts").get("QUEUED").asLong()).isEqualTo(3);
            assertThat(Instant.parse(later.get("figuresAsOf").asString())).isEqualTo(counted);
            assertThat(later.get("figuresKept").asBoolean()).isTrue();

            smsc.configure(before);
            smsc.start();
            await(Duration.ofSeconds(60), "the notice finishes and its receipts are back", () -> "COMPLETED".equals(
                    jdbc.queryForObject("select status from customer_notice where id = ?", String.class, id))
                    && jdbc.queryForObject("select count(*) from outbox_message where event_key = ? and status ="
                            + " 'DELIVERED'", Long.class, "NOTICE:" + id) == 2);
            JsonNode done = get(id);
            assertThat(done.get("counts").get("DELIVERED").asLong()).isEqualTo(2);
            assertThat(done.get("counts").get("SKIPPED").asLong()).isEqualTo(1);
            assertThat(done.get("counts").get("QUEUED").asLong()).isZero();
            assertThat(done.get("figuresKept").asBoolean()).isFalse();
        } finally {
            ReflectionTestUtils.setField(reader, "figures", kept);
        }
    }
}
