package org.outagedesk.outbox;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.util.DeliveryReceiptState;

/**
 * The delivery receipts of {@link SmscSimulator}: each sent as a deliver_sm after its delay, at most
 * {@value #WINDOW} awaiting the client's answer at once (an SMSC's window toward a client), and a receipt the client
 * refuses or cannot take (it is not bound, it does not know the id yet) offered again every 500 ms for 10 minutes, on
 * whichever of the simulator's sessions can take it: a real SMSC keeps a receipt for days, and an application that was
 * killed must be able to start again and take it (the benchmark's notice killed halfway).
 */
final class SimulatedReceipts {

    /** Receipts outstanding at once (deliver_sm sent, deliver_sm_resp awaited). */
    static final int WINDOW = 32;
    private static final int ATTEMPTS = 1200;
    private static final long RETRY_MS = 500;

    /** The simulator's client sessions (a live list: sessions come and go). */
    private final List<SMPPServerSession> sessions;
    private final Semaphore window = new Semaphore(WINDOW);
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "smsc-simulator-receipts");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong undeliverable = new AtomicLong();

    SimulatedReceipts(List<SMPPServerSession> sessions) {
        this.sessions = sessions;
    }

    /** The receipt of message {@code id}, texted from {@code from} to {@code to}, after {@code delayMs}. */
    void schedule(SMPPServerSession session, String id, String from, String to, boolean fail, int delayMs) {
        Receipt r = new Receipt(id, from, to, fail);
        timer.schedule(() -> offer(session, r, 0), delayMs, TimeUnit.MILLISECONDS);
    }

    long sent() {
        return sent.get();
    }

    long undeliverable() {
        return undeliverable.get();
    }

    void resetCounts() {
        sent.set(0);
        undeliverable.set(0);
    }

    /** Sends the receipt on a thread of its own once the window has room. */
    private void offer(SMPPServerSession session, Receipt r, int attempt) {
        window.acquireUninterruptibly();
        try {
            senders.execute(() -> {
                try {
                    send(session, r, attempt);
                } finally {
                    window.release();
                }
            });
        } catch (RejectedExecutionException e) {
            window.release();
        }
    }

    private void send(SMPPServerSession original, Receipt r, int attempt) {
        SMPPServerSession session = original;
        if (!session.getSessionState().isReceivable()) {
            // the client is gone: a real SMSC keeps the receipt for its next bind; so does this one
            SMPPServerSession other = sessions.stream().filter(x -> x.getSessionState().isReceivable()).findFirst()
                    .orElse(null);
            if (other == null) {
                retry(original, r, attempt);
                return;
            }
            session = other;
        }
        Date now = new Date();
        DeliveryReceipt receipt = new DeliveryReceipt(r.id(), 1, r.fail() ? 0 : 1, now, now,
                r.fail() ? DeliveryReceiptState.UNDELIV : DeliveryReceiptState.DELIVRD, r.fail() ? "001" : "000", "");
        try {
            session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, r.to(),
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, r.from(),
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0, (byte) 0, new RegisteredDelivery(0), new GeneralDataCoding(Alphabet.ALPHA_DEFAULT),
                    receipt.toString().getBytes(StandardCharsets.ISO_8859_1));
            sent.incrementAndGet();
            if (r.fail()) {
                undeliverable.incrementAndGet();
            }
        } catch (Exception e) {
            // refused (the client does not know the id yet) or the connection broke: try again a little later
            retry(session, r, attempt);
        }
    }

    private void retry(SMPPServerSession session, Receipt r, int attempt) {
        if (attempt < ATTEMPTS) {
            timer.schedule(() -> offer(session, r, attempt + 1), RETRY_MS, TimeUnit.MILLISECONDS);
        }
    }

    private record Receipt(String id, String from, String to, boolean fail) {
    }
}
