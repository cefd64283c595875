package org.outagedesk.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.notices.NoticeTestSupport.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.outagedesk.TestClock;
import org.outagedesk.notices.NoticeTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the outbox's tests against the real SMSC simulator share: the application's beans, the test clock, an event
 * of their own for each test, and the simulator's settings put back after it.
 */
abstract class OutboxTestFixture {

    @Autowired
    DeliveredMessages deliveries;
    @Autowired
    OutboxService outbox;
    @Autowired
    OutboxStore store;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    OutboxProperties settings;
    @Autowired
    SmppProperties smpp;
    @Autowired
    SmscSimulator smsc;
    @Autowired
    InboundMessages inbound;
    @Autowired
    TestClock clock;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;

    TransactionTemplate tx;
    SmscSimulator.Settings before;
    String event;

    @BeforeEach
    void setUp() {
        tx = new TransactionTemplate(transactions);
        before = smsc.settings();
        event = "TEST:" + UUID.randomUUID();
    }

    @AfterEach
    void putBack() throws Exception {
        smsc.releaseHeld();
        clock.reset();
        smsc.configure(before);
        smsc.start();
    }

    List<String> enqueue(int n, Instant notBefore) {
        List<String> numbers = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            numbers.add(NoticeTestSupport.msisdn());
        }
        return enqueue(numbers, notBefore);
    }

    List<String> enqueue(List<String> numbers, Instant notBefore) {
        int n = numbers.size();
        List<OutboundMessage> messages = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            String m = numbers.get(k);
            // a notice's kind (every kind is one the message list knows), of no subscriber: no notice hears of it
            messages.add(new OutboundMessage(MessageKinds.NOTICE, event, m, Channel.SMS, null, m, null,
                    "Test message " + k, 1, notBefore, null));
        }
        tx.executeWithoutResult(s -> {
            assertThat(outbox.enqueue(messages)).isEqualTo(n);
            // the same messages again (a crash between batches, a second node): nothing new
            assertThat(outbox.enqueue(messages)).isZero();
        });
        return numbers;
    }

    String dump() {
        return " now " + clock.instant() + " rows " + outbox.messages(event, null, 0, 5) + " channels "
                + outbox.channels() + " cycles " + dispatcher.cycles(Channel.SMS) + " all due "
                + tx.execute(s -> store.claim(Channel.SMS, Instant.now().plus(Duration.ofDays(1)), 0, "x"));
    }

    long count(MessageStatus status) {
        return outbox.count(event, status);
    }

    /** Waits until the SMS dispatcher has looked for work {@code n} more times. */
    void cycles(int n) {
        long start = dispatcher.cycles(Channel.SMS);
        await(Duration.ofSeconds(30), n + " dispatcher cycles", () -> dispatcher.cycles(Channel.SMS) >= start + n);
    }
}
