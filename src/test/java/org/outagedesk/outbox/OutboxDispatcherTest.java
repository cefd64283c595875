package org.outagedesk.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.notices.NoticeTestSupport.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.notices.NoticeTestSupport;

/**
 * The outbox's dispatcher against the real SMSC simulator, on the application's (test) clock: claims, a crash or a
 * stop in the middle, pauses, opt-outs, throttling and the send rate. What comes back (receipts) is
 * {@link OutboxReceiptsTest}.
 */
@IntegrationTest
class OutboxDispatcherTest extends OutboxTestFixture {

    @Test
    void messages_left_sending_by_a_node_that_crashed_are_never_sent_again_and_a_restart_sends_nothing_twice() {
        Instant later = clock.instant().plus(Duration.ofHours(1));
        List<String> numbers = enqueue(30, later);
        // a node claims ten and dies before it records anything (what its claim leaves in the table)
        List<Long> ids = outbox.messages(event, null, 0, 10).stream().map(OutboxMessage::id).toList();
        int claimed = tx.execute(s -> jdbc.batchUpdate("update outbox_message set status = 'SENDING', attempts = 1,"
                + " claimed_at = ?, claimed_by = 'dead-node' where id = ? and status = 'QUEUED'", ids.stream()
                .map(id -> new Object[] {later.atOffset(ZoneOffset.UTC), id}).toList()).length);
        assertThat(claimed).isEqualTo(10);
        clock.setFixed(later);
        dispatcher.wake();
        await(Duration.ofSeconds(30), "the other twenty are delivered", () -> count(MessageStatus.DELIVERED) == 20);
        assertThat(count(MessageStatus.SENDING)).isEqualTo(10);

        // this node restarts; later the dead node's claims are old enough to be judged
        dispatcher.stop();
        dispatcher.start();
        clock.advance(settings.inDoubtAfter().plusMinutes(1));
        dispatcher.failInDoubt();
        assertThat(count(MessageStatus.FAILED)).isEqualTo(10);
        cycles(3);
        for (String n : numbers) {
            assertThat(smsc.receivedBy(n)).as(n).isLessThanOrEqualTo(1);
        }
        assertThat(numbers.stream().mapToLong(smsc::receivedBy).sum()).isEqualTo(20);
        assertThat(outbox.messages(event, MessageStatus.FAILED, 0, 1).getFirst().lastError()).contains("In doubt");
    }

    /**
     * The send rate comes from the database's 5-second slots, written by the dispatcher as the SMSC takes the texts:
     * what went out in the last minute, per second, on every node alike; a minute later it is 0, and slots older than
     * ten minutes go.
     */
    @Test
    void the_send_rate_is_what_the_smsc_took_in_the_last_minute_per_second() {
        clock.setFixed(clock.instant());
        assertThat(outbox.sendRate(event)).isZero();
        enqueue(12, clock.instant());
        dispatcher.wake();
        await(Duration.ofSeconds(30), "the twelve are taken by the SMSC", () -> count(MessageStatus.SENT)
                + count(MessageStatus.DELIVERED) == 12);
        // the slot is written just after the results' commit
        await(Duration.ofSeconds(10), "the rate of twelve a minute", () -> outbox.sendRate(event) == 12 / 60.0);
        assertThat(jdbc.queryForObject("select sum(sent) from outbox_sent_slot where event_key = ?", Long.class,
                event)).isEqualTo(12);

        clock.advance(Duration.ofSeconds(61));
        assertThat(outbox.sendRate(event)).as("a minute later").isZero();

        clock.advance(Duration.ofMinutes(10));
        enqueue(List.of(NoticeTestSupport.msisdn()), clock.instant());
        dispatcher.wake();
        await(Duration.ofSeconds(30), "one more is taken", () -> count(MessageStatus.SENT)
                + count(MessageStatus.DELIVERED) == 13);
        await(Duration.ofSeconds(10), "the rate of one a minute", () -> outbox.sendRate(event) == 1 / 60.0);
        assertThat(jdbc.queryForObject("select count(*) from outbox_sent_slot where event_key = ?", Long.class,
                event)).as("the old slot is gone").isEqualTo(1);
    }

    /**
     * A paused event's texts stay queued, whether the claim names the paused events (a few) or asks the database
     * (more than {@link OutboxStore#PAUSED_LISTED}); resumed, they go, while the other events stay paused.
     */
    @Test
    void a_paused_event_is_not_claimed_until_it_is_resumed_also_among_many_paused_events() {
        tx.executeWithoutResult(s -> outbox.pause(event));
        List<String> numbers = enqueue(5, clock.instant());
        List<String> others = new ArrayList<>();
        try {
            dispatcher.wake();
            cycles(3);
            assertThat(count(MessageStatus.QUEUED)).as(dump()).isEqualTo(5);

            for (int k = 0; k <= OutboxStore.PAUSED_LISTED; k++) {
                others.add(event + ":other-" + k);
            }
            tx.executeWithoutResult(s -> others.forEach(outbox::pause));
            cycles(3);
            assertThat(count(MessageStatus.QUEUED)).as(dump()).isEqualTo(5);
            assertThat(numbers.stream().mapToLong(smsc::receivedBy).sum()).isZero();

            tx.executeWithoutResult(s -> outbox.resume(event));
            await(Duration.ofSeconds(30), "the five are delivered", () -> count(MessageStatus.DELIVERED) == 5);
            for (String n : numbers) {
                assertThat(smsc.receivedBy(n)).as(n).isEqualTo(1);
            }
        } finally {
            tx.executeWithoutResult(s -> others.forEach(outbox::resume));
        }
    }

    /**
     * The opt-out list is read when a text is about to go: a number that opts out after its text was queued (the
     * notice waits for morning, or is mid-send) gets nothing; its text is SKIPPED "opted out", with no attempt
     * counted, and the others go.
     */
    @Test
    void a_number_that_opts_out_after_its_text_was_queued_gets_nothing_and_the_others_go() {
        Instant later = clock.instant().plus(Duration.ofHours(1));
        List<String> numbers = enqueue(5, later);
        tx.executeWithoutResult(s -> {
            inbound.optOut(numbers.get(0), "SMS_STOP", "subscriber");
            inbound.optOut(numbers.get(3), "API", "agent");
        });
        clock.setFixed(later);
        dispatcher.wake();
        await(Duration.ofSeconds(30), "the three others are delivered", () -> count(MessageStatus.DELIVERED) == 3);
        assertThat(count(MessageStatus.SKIPPED)).as(dump()).isEqualTo(2);
        for (OutboxMessage m : outbox.messages(event, MessageStatus.SKIPPED, 0, 10)) {
            assertThat(m.address()).isIn(numbers.get(0), numbers.get(3));
            assertThat(m.skipReason()).isEqualTo("opted out");
            assertThat(m.attempts()).isZero();
            assertThat(m.doneAt()).isNotNull();
        }
        assertThat(smsc.receivedBy(numbers.get(0))).isZero();
        assertThat(smsc.receivedBy(numbers.get(3))).isZero();
        for (String n : List.of(numbers.get(1), numbers.get(2), numbers.get(4))) {
            assertThat(smsc.receivedBy(n)).as(n).isEqualTo(1);
        }
    }

    /**
     * The next claim is made while the current one is sent: when the application stops, the claim made ahead goes
     * back to the queue (its texts never left), and so does what was left of the current one; only the texts the
     * SMSC held unanswered are in doubt.
     */
    @Test
    void stopping_puts_the_claim_made_ahead_back_in_the_queue_and_a_restart_sends_nobody_twice() {
        int batch = settings.batchSize();
        int window = smpp.window();
        List<String> numbers = new ArrayList<>();
        for (int k = 0; k < 2 * batch + 50; k++) {
            numbers.add(NoticeTestSupport.msisdn());
        }
        // the first texts of the first claim fill the window unanswered: the rest of that claim waits
        numbers.subList(0, window).forEach(n -> smsc.holdNumbers().add(n.substring(1)));
        enqueue(numbers, clock.instant());
        // (both claims on disk is not enough: stopped before its first text left, the first claim would go back to
        // the queue whole; the SMSC holding a full window is what this test is about)
        await(Duration.ofSeconds(30), "the first claim waits on its window and the second is made ahead",
                () -> smsc.holding() == window && count(MessageStatus.SENDING) == 2L * batch);

        dispatcher.stop();
        try {
            // unbound by the stop itself, while the SMSC is up (the demo's own SMSC stops after it)
            await(Duration.ofSeconds(10), "the SMSC sees the unbind", () -> smsc.boundSessions() == 0);
            assertThat(count(MessageStatus.SENDING)).as("nothing left sending" + dump()).isZero();
            assertThat(count(MessageStatus.FAILED)).as("the held texts are in doubt").isEqualTo(window);
            // (the text that waited inside the window when the application stopped went out once the window freed)
            assertThat(count(MessageStatus.QUEUED)).isBetween(numbers.size() - window - 1L,
                    (long) numbers.size() - window);
        } finally {
            dispatcher.start();
        }
        smsc.releaseHeld();
        await(Duration.ofSeconds(60), "the rest is delivered", () -> count(MessageStatus.DELIVERED)
                == numbers.size() - window);
        for (String n : numbers) {
            assertThat(smsc.receivedBy(n)).as(n).isLessThanOrEqualTo(1);
        }
        assertThat(outbox.messages(event, MessageStatus.FAILED, 0, 1).getFirst().lastError()).contains("In doubt");
    }

    @Test
    void each_text_is_recorded_as_sent_when_the_smsc_answers_it_not_when_the_slowest_of_its_batch_is_answered() {
        // what a kill mid-send leaves in doubt is what the SMSC had not answered yet: every answered text has its
        // provider id in the database (its receipt can be matched; "resend failed" does not text it again)
        List<String> numbers = List.of(NoticeTestSupport.msisdn(), NoticeTestSupport.msisdn(),
                NoticeTestSupport.msisdn());
        smsc.holdNumbers().add(numbers.getFirst().substring(1));
        enqueue(numbers, clock.instant());
        // (within the test's response timeout of 3 s: the third is held, still sending, all along)
        await(Duration.ofSeconds(20), "the two answered texts are recorded while the third waits for its answer",
                () -> count(MessageStatus.SENT) + count(MessageStatus.DELIVERED) == 2
                        && count(MessageStatus.SENDING) == 1);
        assertThat(outbox.messages(event, null, 0, 3)).filteredOn(m -> m.status() != MessageStatus.SENDING)
                .allSatisfy(m -> assertThat(m.providerId()).isNotBlank());

        smsc.releaseHeld();
        await(Duration.ofSeconds(20), "the third is answered", () -> count(MessageStatus.SENDING) == 0);
        for (String n : numbers) {
            assertThat(smsc.receivedBy(n)).as(n).isEqualTo(1);
        }
    }

    @Test
    void a_throttled_text_waits_for_its_backoff_on_the_clock_and_gives_up_after_the_configured_attempts() {
        clock.setFixed(Instant.now());
        smsc.configure(before.withThrottleShare(1.0));
        String number = enqueue(1, clock.instant()).getFirst();
        try {
            await(Duration.ofSeconds(30), "the first attempt is throttled", () -> outbox.messages(event, null, 0, 1)
                    .getFirst().attempts() == 1 && count(MessageStatus.QUEUED) == 1);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + dump());
        }
        OutboxMessage m = outbox.messages(event, null, 0, 1).getFirst();
        assertThat(m.notBefore()).isEqualTo(clock.instant().plus(settings.backoff()));
        assertThat(m.lastError()).contains("Throttled");
        cycles(3);
        assertThat(outbox.messages(event, null, 0, 1).getFirst().attempts()).isEqualTo(1);

        clock.advance(settings.backoff().plusSeconds(1));
        // attempts count up when a dispatcher claims the message: wait until the attempt's result is recorded too
        await(Duration.ofSeconds(30), "the second attempt", () -> outbox.messages(event, null, 0, 1).getFirst()
                .attempts() == 2 && count(MessageStatus.QUEUED) == 1);
        OutboxMessage second = outbox.messages(event, null, 0, 1).getFirst();
        assertThat(second.notBefore()).isEqualTo(clock.instant().plus(settings.backoff().multipliedBy(2)));
        for (int k = 3; k <= settings.maxAttempts(); k++) {
            clock.advance(settings.maxBackoff());
            int attempt = k;
            await(Duration.ofSeconds(30), "attempt " + k, () -> outbox.messages(event, null, 0, 1).getFirst()
                    .attempts() == attempt && count(MessageStatus.SENDING) == 0);
        }
        await(Duration.ofSeconds(30), "it gives up", () -> count(MessageStatus.FAILED) == 1);
        OutboxMessage gaveUp = outbox.messages(event, null, 0, 1).getFirst();
        assertThat(gaveUp.attempts()).isEqualTo(settings.maxAttempts());
        assertThat(gaveUp.lastError()).contains("Throttled");
        assertThat(smsc.receivedBy(number)).as("every submit was throttled: the SMSC took none").isZero();
    }
}
