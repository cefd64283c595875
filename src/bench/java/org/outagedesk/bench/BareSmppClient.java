package org.outagedesk.bench;

import static org.outagedesk.Waits.waitUpTo;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.core.ConditionTimeoutException;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageClass;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;

/**
 * The baseline of the notices path (issue 13): a bare jSMPP client, bound as transceiver to the same SMSC simulator,
 * submitting the same texts (the same bytes, parts and data coding as Outage Desk sent them) with the same window of
 * outstanding submits and a delivery receipt requested on each text's last part, and counting the receipts that
 * come back. No database, no retries, no pacing: what the SMSC and jSMPP can do on this machine.
 */
final class BareSmppClient {

    /** A text to send: the destination without '+' and its parts as they go over SMPP. */
    record Text(String destination, List<byte[]> payloads, boolean ucs2) {
    }

    /** {@code submitMillis}: first submit to the last submit_sm_resp; {@code receiptMillis}: to the last receipt. */
    record Result(long texts, long accepted, long refused, long submitMillis, long receiptMillis, long receipts,
            long undeliverable) {

        double perSecond() {
            return submitMillis == 0 ? 0 : accepted * 1000.0 / submitMillis;
        }
    }

    private BareSmppClient() {
    }

    static Result run(int port, String systemId, String password, String source, List<Text> texts, int window,
            long receiptWaitMillis) throws Exception {
        AtomicLong receipts = new AtomicLong();
        AtomicLong undeliverable = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        SMPPSession session = new SMPPSession();
        session.setTransactionTimer(10_000);
        session.setEnquireLinkTimer(15_000);
        session.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
                if (MessageType.SMSC_DEL_RECEIPT.containedIn(deliverSm.getEsmClass())) {
                    try {
                        DeliveryReceipt r = deliverSm.getShortMessageAsDeliveryReceipt();
                        if (r.getFinalStatus() != DeliveryReceiptState.DELIVRD) {
                            undeliverable.incrementAndGet();
                        }
                    } catch (InvalidDeliveryReceiptException e) {
                        // counted as a receipt all the same
                    }
                    receipts.incrementAndGet();
                }
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alertNotification) {
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
                throw new ProcessRequestException("not supported", 3);
            }
        });
        session.connectAndBind("127.0.0.1", port, new BindParameter(BindType.BIND_TRX, systemId, password, "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 5_000);
        try (ExecutorService submitters = Executors.newVirtualThreadPerTaskExecutor()) {
            Semaphore outstanding = new Semaphore(window);
            long t0 = System.nanoTime();
            for (Text t : texts) {
                outstanding.acquireUninterruptibly();
                submitters.execute(() -> {
                    try {
                        if (submit(session, source, t)) {
                            accepted.incrementAndGet();
                        } else {
                            refused.incrementAndGet();
                        }
                    } finally {
                        outstanding.release();
                    }
                });
            }
            outstanding.acquireUninterruptibly(window); // every submit answered
            long submitted = System.nanoTime();
            long deadline = submitted + TimeUnit.MILLISECONDS.toNanos(receiptWaitMillis);
            try {
                waitUpTo(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), Duration.ofMillis(50),
                        "every receipt").until(() -> receipts.get() >= accepted.get());
            } catch (ConditionTimeoutException e) {
                // reported as is: the receipts that came back in time
            }
            long done = System.nanoTime();
            return new Result(texts.size(), accepted.get(), refused.get(), (submitted - t0) / 1_000_000,
                    (done - t0) / 1_000_000, receipts.get(), undeliverable.get());
        } finally {
            session.unbindAndClose();
        }
    }

    /** As Outage Desk's SmppSender submits a text: the parts in order, the receipt asked for on the last. */
    private static boolean submit(SMPPSession session, String source, Text t) {
        GeneralDataCoding coding = new GeneralDataCoding(t.ucs2() ? Alphabet.ALPHA_UCS2 : Alphabet.ALPHA_DEFAULT,
                (MessageClass) null, false);
        for (int k = 0; k < t.payloads().size(); k++) {
            boolean last = k == t.payloads().size() - 1;
            ESMClass esm = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, t.payloads().size() > 1
                    ? GSMSpecificFeature.UDHI : GSMSpecificFeature.DEFAULT);
            try {
                session.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, source,
                        TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, t.destination(), esm, (byte) 0,
                        (byte) 1, null, null, new RegisteredDelivery(last ? SMSCDeliveryReceipt.SUCCESS_FAILURE
                                : SMSCDeliveryReceipt.DEFAULT), (byte) 0, coding, (byte) 0, t.payloads().get(k));
            } catch (Exception e) {
                return false;
            }
        }
        return true;
    }
}
