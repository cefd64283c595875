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
 * "Resend the failed ones": the request only records it; the failed messages are queued again in the background a
 * batch at a time, and sent. What failed by the request is resent once (not what fails again meanwhile), those in
 * doubt only when asked, and the event is not finished while some are still to be queued again.
 */
@IntegrationTest
class ResentEventsTest extends OutboxTestFixture {

    @Autowired
    ResentEvents resent;
    @Autowired
    OutboxResends resends;

    @Test
    void the_failed_messages_are_queued_again_in_the_background_and_sent_once_those_in_doubt_left() {
        List<String> numbers = enqueue(4, clock.instant().plus(Duration.ofDays(3650)));
        List<Long> ids = outbox.messages(event, null, 0, 10).stream().map(OutboxMessage::id).sorted().toList();
        Instant failedAt = clock.instant().minus(Duration.ofMinutes(5));
        fail(ids.get(0), "FAILED", "The SMSC reports: undeliverable", failedAt);
        fail(ids.get(1), "EXPIRED", "The SMSC reports: expired", failedAt);
        fail(ids.get(2), "FAILED", OutboxStore.IN_DOUBT + ": sending was interrupted", failedAt);
        fail(ids.get(3), "DELIVERED", null, failedAt);

        // the background's worker held back for a moment: nothing is queued again yet, the request alone is there
        resent.stop();
        try {
            ResendRequested asked = tx.execute(s -> outbox.resendFailed(event, false));
            assertThat(asked).as("failed and expired, not the one in doubt").isEqualTo(new ResendRequested(2, 1));
            assertThat(count(MessageStatus.QUEUED)).isZero();
            assertThat(outbox.resending(event)).isTrue();
            assertThat(outbox.anyUnsent(event)).as("not finished while a resend waits, even before any is queued")
                    .isTrue();
        } finally {
            resent.start();
        }
        resent.wake();
        await(Duration.ofSeconds(30), "the two are sent again and the request is done", () -> !outbox
                .resending(event) && smsc.receivedBy(numbers.get(0)) == 1 && smsc.receivedBy(numbers.get(1)) == 1);
        assertThat(smsc.receivedBy(numbers.get(2))).as("in doubt: left as it is").isZero();
        assertThat(smsc.receivedBy(numbers.get(3))).as("delivered: never again").isZero();
        assertThat(outbox.inDoubt(event)).isEqualTo(1);

        // asked with those in doubt, the one in doubt goes too
        tx.executeWithoutResult(s -> outbox.resendFailed(event, true));
        await(Duration.ofSeconds(30), "the one in doubt is sent again", () -> !outbox.resending(event)
                && smsc.receivedBy(numbers.get(2)) == 1);
        assertThat(smsc.receivedBy(numbers.get(0))).as("sent once more only when asked again").isLessThanOrEqualTo(2);
    }

    /** A batch at a time; a message that failed after the request (sent again, failed again) is not queued again. */
    @Test
    void a_batch_at_a_time_and_only_what_had_failed_by_the_request() {
        // this test queues them again itself: the background's worker stopped, the event held from the dispatchers
        resent.stop();
        try {
            enqueue(5, clock.instant().plus(Duration.ofDays(3650)));
            tx.executeWithoutResult(s -> outbox.pause(event));
            List<Long> ids = outbox.messages(event, null, 0, 10).stream().map(OutboxMessage::id).sorted().toList();
            Instant before = clock.instant().minus(Duration.ofMinutes(5));
            for (int k = 0; k < 4; k++) {
                fail(ids.get(k), "FAILED", "The SMSC reports: undeliverable", before);
            }
            tx.executeWithoutResult(s -> outbox.resendFailed(event, false));
            // the fifth fails after the request: not part of it
            fail(ids.get(4), "FAILED", "The SMSC reports: undeliverable", clock.instant().plus(Duration.ofSeconds(1)));
            OutboxResends.Request r = tx.execute(s -> resends.pending()).stream()
                    .filter(p -> p.eventKey().equals(event)).findFirst().orElseThrow();
            assertThat(requeueTwo(r)).isEqualTo(2);
            assertThat(count(MessageStatus.QUEUED)).isEqualTo(2);
            assertThat(end(r)).as("two are left: the request stays").isFalse();
            assertThat(requeueTwo(r)).isEqualTo(2);
            assertThat(requeueTwo(r)).isZero();
            assertThat(count(MessageStatus.QUEUED)).isEqualTo(4);
            assertThat(count(MessageStatus.FAILED)).as("the one that failed after the request").isEqualTo(1);
            assertThat(end(r)).isTrue();
            assertThat(outbox.resending(event)).isFalse();
        } finally {
            resent.start();
        }
    }

    /** Cancelling drops the request: what was not queued again stays failed. */
    @Test
    void a_cancel_drops_the_request() {
        enqueue(2, clock.instant().plus(Duration.ofDays(3650)));
        List<Long> ids = outbox.messages(event, null, 0, 10).stream().map(OutboxMessage::id).sorted().toList();
        Instant before = clock.instant().minus(Duration.ofMinutes(5));
        fail(ids.get(0), "FAILED", "The SMSC reports: undeliverable", before);
        tx.executeWithoutResult(s -> {
            outbox.resendFailed(event, false);
            outbox.cancel(event);
        });
        // a round of the background's worker, now: nothing of the cancelled event is left for it to queue again
        resent.sweep(ResentEvents.BATCH);
        assertThat(outbox.resending(event)).isFalse();
        assertThat(count(MessageStatus.FAILED)).as("the failed one stays failed, not sent again").isEqualTo(1);
    }

    private boolean end(OutboxResends.Request r) {
        return Boolean.TRUE.equals(tx.execute(s -> resends.end(r)));
    }

    private int requeueTwo(OutboxResends.Request r) {
        Integer n = tx.execute(s -> resends.requeue(r, clock.instant(), 2));
        return n == null ? -1 : n;
    }

    private void fail(long id, String status, String error, Instant at) {
        jdbc.update("update outbox_message set status = ?, attempts = 1, last_error = ?, done_at = ?, sent_at = ?"
                + " where id = ?", status, error, Timestamp.from(at), Timestamp.from(at), id);
    }
}
