package org.outagedesk.outbox;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
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
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Texts over SMPP 3.4 with jSMPP: one transceiver session to the SMSC, bound again when it drops; up to
 * {@code window} submit_sm outstanding at once; each text asks for a delivery receipt (on its last part when
 * concatenated), and the receipts and replies come back on the same session as deliver_sm.
 */
@Component
class SmppSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(SmppSender.class);
    private static final int RECEIPT_THREADS = 50;

    private final SmppProperties settings;
    private final ObjectProvider<SmscSimulator> simulator;
    private final InboundMessages inbound;
    private final ExecutorService submitters = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger reference = new AtomicInteger();
    /** Submits outstanding across batches: the next batch's first submit goes out while this one's last is answered. */
    private final Semaphore window;
    private volatile @Nullable SMPPSession session;

    SmppSender(SmppProperties settings, ObjectProvider<SmscSimulator> simulator, InboundMessages inbound) {
        this.settings = settings;
        this.simulator = simulator;
        this.inbound = inbound;
        this.window = new Semaphore(settings.window());
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public double rate() {
        return settings.rate();
    }

    /** Where the SMSC is: the configured host, else the demo simulator when it runs. */
    private @Nullable String[] endpoint() {
        if (settings.host() != null && !settings.host().isBlank()) {
            return new String[] {settings.host(), String.valueOf(settings.port())};
        }
        SmscSimulator sim = simulator.getIfAvailable();
        if (sim != null && sim.port() > 0) {
            return new String[] {"127.0.0.1", String.valueOf(sim.port())};
        }
        return null;
    }

    @Override
    public synchronized void ensureReady() throws ChannelDownException {
        SMPPSession current = session;
        if (current != null && current.getSessionState().isBound()) {
            return;
        }
        if (current != null) {
            current.unbindAndClose();
            session = null;
        }
        String[] at = endpoint();
        if (at == null) {
            throw new ChannelDownException("No SMSC is configured (outagedesk.smpp.host)");
        }
        SMPPSession s = new SMPPSession();
        s.setTransactionTimer(settings.responseTimeout().toMillis());
        s.setEnquireLinkTimer(15_000);
        s.setMessageReceiverListener(new Listener());
        // the answers to our submits and the SMSC's receipts share these threads: one per submit in the window and
        // room for the receipts an SMSC has outstanding toward us (often 10 to 50), each waiting for the group commit
        // that holds it (see InboundMessages); the more wait together, the more one commit takes
        s.setPduProcessorDegree(settings.window() + RECEIPT_THREADS);
        try {
            s.connectAndBind(at[0], Integer.parseInt(at[1]), new BindParameter(BindType.BIND_TRX,
                    settings.systemId(), settings.password(), settings.systemType(), TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.UNKNOWN, null), settings.bindTimeout().toMillis());
        } catch (IOException e) {
            s.close();
            throw new ChannelDownException("SMSC " + at[0] + ":" + at[1] + " unreachable (" + plain(e) + ")");
        }
        log.info("Bound to the SMSC at {}:{} as transceiver", at[0], at[1]);
        session = s;
    }

    @PreDestroy
    void close() {
        // the dispatcher has waited for the outstanding submits (it stops first): nothing here interrupts a thread
        submitters.shutdown();
        disconnect();
    }

    /** Unbinds and drops the session (the dispatcher stops; tests): a new one is bound on the next send. */
    @Override
    public synchronized void disconnect() {
        SMPPSession s = session;
        session = null;
        if (s != null) {
            s.unbindAndClose();
        }
    }

    @Override
    public int window() {
        return settings.window();
    }

    @Override
    public void send(OutboxMessage m, Pacer pacer, Consumer<SendResult> done) {
        SMPPSession s = session;
        if (s == null) {
            done.accept(new SendResult.NotSent("Not bound to the SMSC"));
            return;
        }
        pacer.acquire();
        window.acquireUninterruptibly();
        try {
            submitters.execute(() -> {
                SendResult r;
                try {
                    r = submit(s, m);
                } catch (RuntimeException e) {
                    r = new SendResult.Temporary(plain(e), false);
                }
                try {
                    if (r instanceof SendResult.Temporary t && t.throttled()) {
                        pacer.throttled();
                    }
                    done.accept(r);
                } finally {
                    // released after the result is handed on: an empty window means every result is recorded
                    window.release();
                }
            });
        } catch (RejectedExecutionException e) {
            window.release();
            done.accept(new SendResult.NotSent("The application is stopping"));
        }
    }

    @Override
    public boolean awaitOutstanding(Duration max) {
        int all = settings.window();
        try {
            if (window.tryAcquire(all, max.toMillis(), TimeUnit.MILLISECONDS)) {
                window.release(all);
                return true;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private SendResult submit(SMPPSession s, OutboxMessage m) {
        if (m.address() == null) {
            return new SendResult.Permanent("No number to text");
        }
        SmsText text = SmsText.of(m.body());
        List<byte[]> payloads = text.payloads(reference.incrementAndGet() & 0xff);
        GeneralDataCoding coding = new GeneralDataCoding(text.encoding() == SmsText.Encoding.GSM7
                ? Alphabet.ALPHA_DEFAULT : Alphabet.ALPHA_UCS2, (MessageClass) null, false);
        String destination = m.address().startsWith("+") ? m.address().substring(1) : m.address();
        String id = null;
        for (int k = 0; k < payloads.size(); k++) {
            boolean last = k == payloads.size() - 1;
            ESMClass esm = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, payloads.size() > 1
                    ? GSMSpecificFeature.UDHI : GSMSpecificFeature.DEFAULT);
            try {
                id = s.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                        settings.sourceAddress(), TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                        destination, esm, (byte) 0, (byte) 1, null, null,
                        new RegisteredDelivery(last ? SMSCDeliveryReceipt.SUCCESS_FAILURE : SMSCDeliveryReceipt.DEFAULT),
                        (byte) 0, coding, (byte) 0, payloads.get(k)).getMessageId();
            } catch (NegativeResponseException e) {
                int status = e.getCommandStatus();
                if (k > 0) {
                    // part of the text went out: sending the rest again would repeat it
                    return new SendResult.InDoubt("The SMSC refused part " + (k + 1) + " of " + payloads.size()
                            + " (status 0x" + Integer.toHexString(status) + ")");
                }
                if (status == SMPPConstant.STAT_ESME_RTHROTTLED) {
                    return new SendResult.Temporary("Throttled by the SMSC", true);
                }
                if (status == SMPPConstant.STAT_ESME_RMSGQFUL || status == SMPPConstant.STAT_ESME_RSYSERR
                        || status == SMPPConstant.STAT_ESME_RX_T_APPN) {
                    return new SendResult.Temporary("The SMSC is busy (status 0x" + Integer.toHexString(status)
                            + ")", false);
                }
                return new SendResult.Permanent("The SMSC refused the text (status 0x"
                        + Integer.toHexString(status) + ")");
            } catch (ResponseTimeoutException e) {
                return new SendResult.InDoubt("No answer from the SMSC within "
                        + settings.responseTimeout().toSeconds() + " s: it may have been sent");
            } catch (IOException e) {
                return k == 0 ? new SendResult.NotSent("Lost the SMSC connection (" + plain(e) + ")")
                        : new SendResult.InDoubt("Lost the SMSC connection after part " + k);
            } catch (PDUException e) {
                return new SendResult.Permanent("Not a valid text for the SMSC: " + plain(e));
            } catch (InvalidResponseException e) {
                return new SendResult.InDoubt("The SMSC answered something unexpected");
            }
        }
        return new SendResult.Accepted(id);
    }

    private static String plain(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + (m.length() > 200 ? m.substring(0, 200) : m));
    }

    /** Receipts and replies from the SMSC. An unknown receipt is answered with a temporary error: sent again. */
    private final class Listener implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            if (MessageType.SMSC_DEL_RECEIPT.containedIn(deliverSm.getEsmClass())) {
                DeliveryReceipt receipt;
                try {
                    receipt = deliverSm.getShortMessageAsDeliveryReceipt();
                } catch (InvalidDeliveryReceiptException e) {
                    log.warn("Unreadable delivery receipt ignored");
                    return;
                }
                DeliveryReceiptState state = receipt.getFinalStatus();
                MessageStatus status = switch (state) {
                    case DELIVRD -> MessageStatus.DELIVERED;
                    case EXPIRED -> MessageStatus.EXPIRED;
                    case ENROUTE, ACCEPTD -> null;
                    default -> MessageStatus.FAILED;
                };
                if (status == null) {
                    return;
                }
                String reason = status == MessageStatus.DELIVERED ? null : "The SMSC reports " + state
                        + (receipt.getError() == null ? "" : " (error " + receipt.getError() + ")");
                if (!inbound.receipt(Channel.SMS, receipt.getId(), status, reason)) {
                    throw new ProcessRequestException("Unknown message id", SMPPConstant.STAT_ESME_RX_T_APPN);
                }
                return;
            }
            boolean ucs2 = (deliverSm.getDataCoding() & 0x0f) == 0x08;
            String text = SmsText.decode(deliverSm.getShortMessage() == null ? new byte[0]
                    : deliverSm.getShortMessage(), ucs2);
            inbound.reply(deliverSm.getSourceAddr(), text);
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
            // not used
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
