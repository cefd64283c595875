package org.outagedesk.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.TestDatabase;
import org.outagedesk.notices.NoticeTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** What comes back from the SMSC to the outbox: delivery receipts, and the deliveries handed to the sender. */
@IntegrationTest
@RecordApplicationEvents
class OutboxReceiptsTest extends OutboxTestFixture {

    @Autowired
    ApplicationEvents events;

    @Test
    void a_receipt_for_an_id_the_smsc_gave_twice_goes_to_the_text_awaiting_it_not_to_the_old_one() {
        // an SMSC that gave the id again (restarted, counting from the start): one text still awaits its receipt,
        // another (newer in the table) was answered already
        String providerId = "reused-" + UUID.randomUUID();
        Instant old = clock.instant().minus(Duration.ofDays(2));
        String awaiting = NoticeTestSupport.msisdn();
        String answered = NoticeTestSupport.msisdn();
        for (String status : new String[] {"SENT", "DELIVERED"}) {
            String number = status.equals("SENT") ? awaiting : answered;
            jdbc.update("insert into outbox_message (id, kind, event_key, recipient_key, channel, address, body,"
                    + " sms_parts, status, attempts, not_before, queued_at, sent_at, provider_id) values ("
                    + TestDatabase.nextValue("outbox_message_seq") + ", 'TEST', ?, ?, 'SMS', ?, 'Hi',"
                    + " 1, ?, 1, ?, ?, ?, ?)", event, number, number, status, Timestamp.from(old),
                    Timestamp.from(old), Timestamp.from(old), providerId);
        }
        assertThat(inbound.receipt(Channel.SMS, providerId, MessageStatus.FAILED, "The SMSC reports UNDELIV"))
                .isTrue();
        Map<String, MessageStatus> rows = outbox.messages(event, null, 0, 2).stream()
                .collect(Collectors.toMap(OutboxMessage::address, OutboxMessage::status));
        assertThat(rows.get(awaiting)).as("the text awaiting it").isEqualTo(MessageStatus.FAILED);
        assertThat(rows.get(answered)).as("the answered one keeps its receipt").isEqualTo(MessageStatus.DELIVERED);
    }

    /**
     * A delivery is noted with its receipt and heard once, a moment later, at its receipt's time: a receipt the SMSC
     * sends twice is noted once, and what was handed over is gone from the notes in the same transaction.
     */
    @Test
    void a_delivery_is_handed_to_the_sender_once_with_the_time_of_its_receipt() {
        deliveries.stop();
        try {
            deliveries.handOver(); // what other tests left
            events.clear();
            Instant old = clock.instant().minus(Duration.ofDays(2));
            String providerId = "delivered-" + UUID.randomUUID();
            String number = NoticeTestSupport.msisdn();
            long subscriber = 987_654_321L;
            long id = jdbc.queryForObject("select " + TestDatabase.nextValue("outbox_message_seq"), Long.class);
            jdbc.update("insert into outbox_message (id, kind, event_key, recipient_key, channel, subscriber_id,"
                    + " address, body, sms_parts, status, attempts, not_before, queued_at, sent_at, provider_id) values"
                    + " (?, 'TEST', ?, ?, 'SMS', ?, ?, 'Hi', 1, 'SENT', 1, ?, ?, ?, ?)", id, event, number, subscriber,
                    number, Timestamp.from(old), Timestamp.from(old), Timestamp.from(old), providerId);

            assertThat(inbound.receipt(Channel.SMS, providerId, MessageStatus.DELIVERED, null)).isTrue();
            assertThat(inbound.receipt(Channel.SMS, providerId, MessageStatus.DELIVERED, null)).as("sent twice")
                    .isTrue();
            assertThat(jdbc.queryForObject("select count(*) from outbox_delivered where message_id = ?", Long.class,
                    id)).isEqualTo(1);
            Instant noted = jdbc.queryForObject("select delivered_at from outbox_delivered where message_id = ?",
                    java.time.OffsetDateTime.class, id).toInstant();

            assertThat(deliveries.handOver()).isEqualTo(1);
            assertThat(deliveries.handOver()).isZero();
            List<OutboundMessagesDelivered> heard = events.stream(OutboundMessagesDelivered.class).toList();
            assertThat(heard).hasSize(1);
            assertThat(heard.getFirst().eventKey()).isEqualTo(event);
            assertThat(heard.getFirst().subscriberIds()).containsExactly(subscriber);
            // the first receipt's time (the second one, taken again, changes nothing the sender hears)
            assertThat(heard.getFirst().at()).isEqualTo(noted);
        } finally {
            deliveries.start();
        }
    }

    /**
     * One receipt that cannot be written must not refuse the others of its group: the SMSC offers refused receipts
     * again, and they would come back together and fail together for ever (a million-text run stalled so).
     */
    @Test
    void a_receipt_that_cannot_be_written_does_not_refuse_the_others_of_its_group() {
        Instant old = clock.instant().minus(Duration.ofDays(2));
        List<String> providerIds = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            String number = NoticeTestSupport.msisdn();
            String providerId = "group-" + UUID.randomUUID();
            long id = jdbc.queryForObject("select " + TestDatabase.nextValue("outbox_message_seq"), Long.class);
            jdbc.update("insert into outbox_message (id, kind, event_key, recipient_key, channel, address, body,"
                    + " sms_parts, status, attempts, not_before, queued_at, sent_at, provider_id) values (?, 'TEST', ?,"
                    + " ?, 'SMS', ?, 'Hi', 1, 'SENT', 1, ?, ?, ?, ?)", id, event, number, number, Timestamp.from(old),
                    Timestamp.from(old), Timestamp.from(old), providerId);
            providerIds.add(providerId);
            ids.add(id);
        }
        long poison = ids.get(2);
        jdbc.execute("alter table outbox_message add constraint receipt_fails_test_ck check (id <> " + poison
                + " or status <> 'DELIVERED')");
        try {
            List<InboundMessages.PendingReceipt> group = new ArrayList<>();
            for (String providerId : providerIds) {
                group.add(new InboundMessages.PendingReceipt(Channel.SMS, providerId, MessageStatus.DELIVERED, null,
                        new CompletableFuture<>()));
            }

            inbound.write(group);

            for (int k = 0; k < group.size(); k++) {
                assertThat(group.get(k).applied().join()).as("receipt " + k).isEqualTo(k != 2);
                assertThat(jdbc.queryForObject("select status from outbox_message where id = ?", String.class,
                        ids.get(k))).as("message " + k).isEqualTo(k == 2 ? "SENT" : "DELIVERED");
            }
        } finally {
            jdbc.execute("alter table outbox_message drop constraint receipt_fails_test_ck");
        }
        // offered again once it can be written: taken
        assertThat(inbound.receipt(Channel.SMS, providerIds.get(2), MessageStatus.DELIVERED, null)).isTrue();
        assertThat(jdbc.queryForObject("select status from outbox_message where id = ?", String.class, poison))
                .isEqualTo("DELIVERED");
    }
}
