package org.outagedesk.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.notices.NoticeTestSupport.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A cancelled event: nothing more of it is claimed from the cancel's commit on, its queued messages are skipped in
 * the background a batch at a time, and its hold lasts until nothing of it is queued or sending.
 */
@IntegrationTest
class CancelledEventsTest extends OutboxTestFixture {

    @Autowired
    OutboxHolds holds;

    @Test
    void a_cancelled_event_sends_nothing_more_its_queued_messages_are_skipped_and_its_hold_ends_when_none_is_left() {
        Instant later = clock.instant().plus(Duration.ofHours(1));
        List<String> numbers = enqueue(6, later);
        // one of them claimed by a dispatcher that has not recorded its answer yet (not old enough to be in doubt)
        long sending = outbox.messages(event, null, 0, 1).getFirst().id();
        jdbc.update("update outbox_message set status = 'SENDING', attempts = 1, claimed_at = ?, claimed_by = 'n1'"
                + " where id = ?", Timestamp.from(later), sending);

        tx.executeWithoutResult(s -> outbox.cancel(event));
        clock.setFixed(later);
        dispatcher.wake();
        await(Duration.ofSeconds(30), "the five queued are skipped", () -> count(MessageStatus.SKIPPED) == 5);
        assertThat(count(MessageStatus.QUEUED)).isZero();
        for (OutboxMessage m : outbox.messages(event, MessageStatus.SKIPPED, 0, 10)) {
            assertThat(m.skipReason()).isEqualTo("cancelled");
            assertThat(m.doneAt()).isNotNull();
        }
        cycles(3);
        assertThat(numbers.stream().mapToLong(smsc::receivedBy).sum()).as("nothing sent").isZero();
        assertThat(held()).as("held while a message is sending").isTrue();

        // the one sending comes back as a temporary failure: queued again, and skipped too
        jdbc.update("update outbox_message set status = 'QUEUED' where id = ?", sending);
        await(Duration.ofSeconds(30), "the hold ends once nothing is queued or sending", () -> !held());
        assertThat(count(MessageStatus.SKIPPED)).isEqualTo(6);
        assertThat(numbers.stream().mapToLong(smsc::receivedBy).sum()).isZero();
    }

    /** Skipping goes a batch at a time: each call skips at most the batch, and says how many. */
    @Test
    void queued_messages_are_skipped_a_batch_at_a_time() {
        enqueue(5, clock.instant().plus(Duration.ofHours(1)));
        assertThat(skipTwo()).isEqualTo(2);
        assertThat(count(MessageStatus.QUEUED)).isEqualTo(3);
        assertThat(skipTwo()).isEqualTo(2);
        assertThat(skipTwo()).isEqualTo(1);
        assertThat(skipTwo()).isZero();
        assertThat(count(MessageStatus.SKIPPED)).isEqualTo(5);
    }

    private int skipTwo() {
        Integer n = tx.execute(s -> holds.skipQueued(event, "cancelled", clock.instant(), 2));
        return n == null ? -1 : n;
    }

    private boolean held() {
        return !jdbc.queryForList("select 1 from outbox_paused where event_key = ? and skip_reason = 'cancelled'",
                Integer.class, event).isEmpty();
    }
}
