package org.outagedesk.outbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.session.connection.socket.ServerSocketConnectionFactory;
import org.jsmpp.util.MessageId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small SMSC for the demo, the tests and the benchmark: a jSMPP server that accepts transceiver binds with the
 * configured credentials, answers submit_sm with a message id, sends a delivery receipt after a short random delay
 * (undeliverable for a configurable share), answers ESME_RTHROTTLED for another share, and counts what it received.
 * It listens on loopback only. Stop and start it to play an SMSC outage. The receipts, their window and their
 * retries are {@link SimulatedReceipts}; what it received, {@link SimulatorCounts}; the operations it refuses,
 * {@link SubmitOnlyListener}.
 */
public class SmscSimulator extends SubmitOnlyListener {

    private static final Logger log = LoggerFactory.getLogger(SmscSimulator.class);

    /** Settings: {@code failShare} and {@code throttleShare} are fractions 0..1; delays in milliseconds. */
    public record Settings(int port, String systemId, String password, double failShare, double throttleShare,
            int receiptDelayMinMs, int receiptDelayMaxMs, int submitDelayMs) {

        public Settings withFailShare(double share) {
            return new Settings(port, systemId, password, share, throttleShare, receiptDelayMinMs,
                    receiptDelayMaxMs, submitDelayMs);
        }

        public Settings withThrottleShare(double share) {
            return new Settings(port, systemId, password, failShare, share, receiptDelayMinMs, receiptDelayMaxMs,
                    submitDelayMs);
        }

        /** A slow SMSC: each submit_sm is answered after this many milliseconds. */
        public Settings withSubmitDelay(int ms) {
            return new Settings(port, systemId, password, failShare, throttleShare, receiptDelayMinMs,
                    receiptDelayMaxMs, ms);
        }
    }

    /** A text as the simulator received it (only its first part's destination and its decoded last part). */
    public record Received(String destination, String text) {
    }


    private volatile Settings settings;
    private volatile @Nullable SMPPServerSessionListener listener;
    private volatile int port;
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    /**
     * Message ids start from the clock (milliseconds times a thousand), as an SMSC's stay unique: a simulator started
     * again (the demo's next start, the benchmark's second one) must not hand out the ids of texts already in the
     * database, whose receipts would then match the old texts.
     */
    private final AtomicLong messageIds = new AtomicLong(System.currentTimeMillis() * 1000);
    private final SimulatorCounts counts = new SimulatorCounts();
    private final Set<String> failNumbers = ConcurrentHashMap.newKeySet();
    private final Set<String> holdNumbers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger holding = new AtomicInteger();
    /** Threads per SMPP session for the PDUs the simulator receives: a client's window (10 to 50) and then some. */
    private static final int PDU_THREADS = 64;
    private final ExecutorService acceptor = Executors.newVirtualThreadPerTaskExecutor();
    private final SimulatedReceipts receipts = new SimulatedReceipts(sessions);

    public SmscSimulator(Settings settings) {
        this.settings = settings;
    }

    /** Starts listening (port 0: a free port, kept across a stop and start). */
    public synchronized void start() throws IOException {
        if (listener != null) {
            return;
        }
        int wanted = port > 0 ? port : settings.port();
        AtomicInteger bound = new AtomicInteger();
        SMPPServerSessionListener l = new SMPPServerSessionListener(wanted, 1_000, 50,
                new ServerSocketConnectionFactory() {
                    @Override
                    public ServerConnection listen(int p, int timeout, int backlog)
                            throws IOException {
                        ServerSocket socket = new ServerSocket();
                        socket.setReuseAddress(true);
                        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), p),
                                backlog);
                        socket.setSoTimeout(timeout);
                        bound.set(socket.getLocalPort());
                        return new ServerSocketConnection(socket);
                    }
                });
        port = bound.get();
        // jSMPP gives a server session 3 threads for the PDUs it receives: a submit the simulator holds (a test of
        // an unanswered text) or delays kept one of them, and an enquire_link waiting behind the others could miss
        // the client's response timeout, which then closes its session. An SMSC answers a window of submits at once.
        l.setPduProcessorDegree(PDU_THREADS);
        l.setMessageReceiverListener(this);
        listener = l;
        acceptor.execute(() -> accept(l));
        log.info("SMSC simulator listening on 127.0.0.1:{}", port);
    }

    /** Stops listening and drops every session, as an SMSC that goes down. */
    public synchronized void stop() {
        SMPPServerSessionListener l = listener;
        listener = null;
        if (l != null) {
            try {
                l.close();
            } catch (IOException e) {
                log.debug("closing the simulator's listener", e);
            }
        }
        for (SMPPServerSession s : sessions) {
            s.close();
        }
        sessions.clear();
    }

    public boolean isRunning() {
        return listener != null;
    }

    public int port() {
        return port;
    }

    public void configure(Settings newSettings) {
        this.settings = newSettings;
    }

    public Settings settings() {
        return settings;
    }

    /** Numbers whose texts are always undeliverable (tests). */
    public Set<String> failNumbers() {
        return failNumbers;
    }

    /**
     * Numbers whose submits the simulator does not answer until {@link #releaseHeld()} (at most 30 s): a slow
     * SMSC for one text, as tests need it.
     */
    public Set<String> holdNumbers() {
        return holdNumbers;
    }

    /** How many submits to held numbers are waiting unanswered right now (a test knows the window is full). */
    public int holding() {
        return holding.get();
    }

    /** Answers the held submits. */
    public void releaseHeld() {
        synchronized (holdNumbers) {
            holdNumbers.clear();
            holdNumbers.notifyAll();
        }
    }

    /** Whether to keep a count per destination (off for the million of the benchmark). */
    public void keepRecipients(boolean keep) {
        counts.keepRecipients(keep);
    }

    /** Client sessions bound now (an unbind or a dropped connection ends one). */
    public long boundSessions() {
        return sessions.stream().filter(s -> s.getSessionState().isBound()).count();
    }

    public long submits() {
        return counts.submits();
    }

    /** Texts received (a concatenated text counts once, on its last part). */
    public long texts() {
        return counts.texts();
    }

    public long throttled() {
        return counts.throttled();
    }

    public long receiptsSent() {
        return receipts.sent();
    }

    public long undeliverable() {
        return receipts.undeliverable();
    }

    /** How many texts each number received (a number that got one twice shows 2). */
    public long receivedBy(String msisdn) {
        return counts.receivedBy(msisdn.startsWith("+") ? msisdn.substring(1) : msisdn);
    }

    public long numbersReceivedTwice() {
        return counts.numbersReceivedTwice();
    }

    /** The last texts received, newest last (at most 200). */
    public List<Received> recent() {
        return counts.recent();
    }

    public void resetCounts() {
        counts.reset();
        receipts.resetCounts();
    }

    /** A subscriber texts the carrier (a reply such as STOP): sent to every bound session. */
    public void reply(String fromMsisdn, String text) throws Exception {
        String from = fromMsisdn.startsWith("+") ? fromMsisdn.substring(1) : fromMsisdn;
        for (SMPPServerSession s : sessions) {
            if (s.getSessionState().isReceivable()) {
                s.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from,
                        TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "611", new ESMClass(),
                        (byte) 0, (byte) 0, new RegisteredDelivery(), DataCodings.ZERO,
                        SmsText.of(text).payloads(0).getFirst());
                return;
            }
        }
        throw new IllegalStateException("No client is bound to the simulator");
    }

    private void accept(SMPPServerSessionListener l) {
        while (listener == l) {
            try {
                SMPPServerSession session = l.accept();
                session.setMessageReceiverListener(this);
                acceptor.execute(() -> bind(session));
            } catch (SocketTimeoutException e) {
                // keep listening
            } catch (IOException e) {
                if (listener == l) {
                    log.warn("The SMSC simulator stopped accepting: {}", e.getMessage());
                }
                return;
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(10_000);
            Settings s = settings;
            if (request.getBindType() != BindType.BIND_TRX) {
                request.reject(SMPPConstant.STAT_ESME_RBINDFAIL);
            } else if (!s.systemId().equals(request.getSystemId()) || !s.password().equals(request.getPassword())) {
                request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
            } else {
                request.accept("simsmsc", InterfaceVersion.IF_34);
                sessions.add(session);
            }
        } catch (Exception e) {
            log.debug("bind failed", e);
            session.close();
        }
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source)
            throws ProcessRequestException {
        Settings s = settings;
        if (s.submitDelayMs() > 0) {
            try {
                Thread.sleep(s.submitDelayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (holdNumbers.contains(submitSm.getDestAddress())) {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            holding.incrementAndGet();
            try {
                synchronized (holdNumbers) {
                    while (holdNumbers.contains(submitSm.getDestAddress()) && System.nanoTime() < until) {
                        try {
                            holdNumbers.wait(100);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            break;
                        }
                    }
                }
            } finally {
                holding.decrementAndGet();
            }
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (s.throttleShare() > 0 && random.nextDouble() < s.throttleShare()) {
            counts.throttle();
            throw new ProcessRequestException("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
        }
        counts.submit();
        String id = Long.toString(messageIds.incrementAndGet());
        boolean wantsReceipt = !SMSCDeliveryReceipt.DEFAULT.containedIn(submitSm.getRegisteredDelivery());
        byte[] payload = submitSm.getShortMessage() == null ? new byte[0] : submitSm.getShortMessage();
        boolean udh = GSMSpecificFeature.UDHI.containedIn(submitSm.getEsmClass());
        boolean lastPart = !udh || payload.length > 5 && payload[4] == payload[5];
        if (lastPart) {
            byte[] body = udh ? Arrays.copyOfRange(payload, 6, payload.length) : payload;
            boolean ucs2 = (submitSm.getDataCoding() & 0x0f) == 8;
            counts.text(submitSm.getDestAddress(), () -> SmsText.decode(body, ucs2));
        }
        if (wantsReceipt) {
            boolean fail = failNumbers.contains(submitSm.getDestAddress())
                    || s.failShare() > 0 && random.nextDouble() < s.failShare();
            int delay = s.receiptDelayMinMs() + (s.receiptDelayMaxMs() > s.receiptDelayMinMs()
                    ? random.nextInt(s.receiptDelayMaxMs() - s.receiptDelayMinMs()) : 0);
            String from = submitSm.getSourceAddr();
            String to = submitSm.getDestAddress();
            receipts.schedule(source, id, from, to, fail, delay);
        }
        try {
            return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
        } catch (PDUStringException e) {
            throw new ProcessRequestException("bad id", SMPPConstant.STAT_ESME_RSYSERR);
        }
    }
}
