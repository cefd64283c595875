package org.outagedesk.mail;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.SystemActor;
import org.outagedesk.base.ui.Words;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.Region;
import org.outagedesk.catalog.Sku;
import org.outagedesk.catalog.Store;
import org.outagedesk.holds.HoldLifted;
import org.outagedesk.holds.HoldPlaced;
import org.outagedesk.holds.HoldService;
import org.outagedesk.holds.HoldStatus;
import org.outagedesk.holds.HoldSummary;
import org.outagedesk.holds.SaleViolationFound;
import org.outagedesk.holds.SalesChannel;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.TimelineService;
import org.outagedesk.incident.UpdateOverdue;
import org.outagedesk.outbox.Channel;
import org.outagedesk.outbox.OutboundMessage;
import org.outagedesk.outbox.OutboxService;
import org.outagedesk.security.TeamContact;
import org.outagedesk.security.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Store and team e-mails (issue 14), all through the outbox with one event key per change and recipient, so that a
 * second delivery of an event, a second node or a restart adds nothing:
 * <ul>
 * <li>HOLD_CHANGED: a hold placed or lifted, one e-mail per store it reaches ("hold-placed:H" / "hold-lifted:H");
 * <li>ACK_REMINDER: stores that have not acknowledged, at each configured point before the deadline
 * ("ack-reminder:H:minutes-before");
 * <li>ESCALATION: past the deadline, the region's escalation contact, once per hold and region ("escalation:H");
 * <li>VIOLATION: a sale during a hold, to the store and the region's contact ("violation:V");
 * <li>UPDATE_OVERDUE: the active incident managers, once per {@link UpdateOverdue#eventKey()}.
 * </ul>
 * Runs as the system user, whoever published the event: the publishers checked their callers, and the event
 * publication registry may hand an event to the mailer again later, on a thread where nobody is signed in.
 */
@Component
class StoreMailer {

    static final String HOLD_CHANGED = "HOLD_CHANGED";
    static final String ACK_REMINDER = "ACK_REMINDER";
    static final String ESCALATION = "ESCALATION";
    static final String VIOLATION = "VIOLATION";
    static final String UPDATE_OVERDUE = "UPDATE_OVERDUE";

    private static final Logger log = LoggerFactory.getLogger(StoreMailer.class);

    private final OutboxService outbox;
    private final HoldService holds;
    private final CatalogService catalog;
    private final IncidentService incidents;
    private final TimelineService timeline;
    private final UserService users;
    private final MailTexts texts;
    private final StoreMailProperties settings;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "store-mail-check");
        t.setDaemon(true);
        return t;
    });

    StoreMailer(OutboxService outbox, HoldService holds, CatalogService catalog, IncidentService incidents,
            TimelineService timeline, UserService users, MailTexts texts, StoreMailProperties settings, Clock clock,
            PlatformTransactionManager transactions) {
        this.outbox = outbox;
        this.holds = holds;
        this.catalog = catalog;
        this.incidents = incidents;
        this.timeline = timeline;
        this.users = users;
        this.texts = texts;
        this.settings = settings;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    // ---------------------------------------------------------------- holds placed and lifted

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void onPlaced(HoldPlaced event) {
        // as the system user: a retry of the registry (decision 0020) runs on a thread where nobody is signed in
        SystemActor.run(() -> {
            // a retry may come after the hold was lifted: "do not sell" then would contradict the lift's e-mail
            if (holds.get(event.hold().id()).status() != HoldStatus.LIFTED) {
                holdChanged(event.hold(), false);
            }
        });
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void onLifted(HoldLifted event) {
        SystemActor.run(() -> holdChanged(event.hold(), true));
    }

    private void holdChanged(HoldSummary hold, boolean lifted) {
        String eventKey = (lifted ? "hold-lifted:" : "hold-placed:") + hold.id();
        String instruction = instruction(hold.incidentId());
        List<String> skus = skuLines(hold);
        List<OutboundMessage> batch = new ArrayList<>();
        holds.forEachStoreReached(hold.id(), HoldService.AckState.ALL, row -> {
            Optional<Store> store = catalog.findStore(row.storeCode());
            if (store.isEmpty()) {
                return;
            }
            Store s = store.get();
            ZoneId zone = s.getZone();
            Map<String, Object> v = new HashMap<>();
            v.put("storeName", s.getName());
            v.put("storeCode", s.getCode());
            v.put("coverage", hold.coverage());
            v.put("skus", skus);
            v.put("channels", channels(hold));
            v.put("from", MailTexts.when(hold.effectiveFrom(), zone));
            v.put("until", hold.effectiveUntil() == null ? null : MailTexts.when(hold.effectiveUntil(), zone));
            v.put("deadline", MailTexts.when(hold.ackDeadline(), zone));
            v.put("liftedAt", hold.liftedAt() == null ? "" : MailTexts.when(hold.liftedAt(), zone));
            v.put("instruction", instruction);
            v.put("link", settings.consoleUrl() + "/my-store");
            String subject = lifted ? "Stop-sale lifted: you may sell " + hold.coverage() + " again"
                    : "Stop-sale: do not sell " + hold.coverage();
            batch.add(storeMail(HOLD_CHANGED, eventKey, s, subject,
                    texts.render(lifted ? "hold-lifted" : "hold-placed", v)));
            if (batch.size() >= 500) {
                outbox.enqueue(List.copyOf(batch));
                batch.clear();
            }
        });
        outbox.enqueue(batch);
    }

    // ---------------------------------------------------------------- reminders and escalation

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long millis = Math.max(settings.checkEvery().toMillis(), 1000);
        timer.scheduleWithFixedDelay(() -> {
            try {
                check();
            } catch (RuntimeException e) {
                log.warn("Checking hold reminders failed; trying again in {}", settings.checkEvery(), e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /**
     * Enqueues the reminders and escalations due at the clock's time that are not in the outbox yet; returns how many
     * messages were new. Each hold in its own transaction.
     */
    synchronized int check() {
        // nobody started this: it runs as the system user, like the other background jobs
        return SystemActor.call(this::checkAsSystem);
    }

    private int checkAsSystem() {
        Instant now = clock.instant();
        List<HoldSummary> live = tx.execute(t -> holds.liveHolds());
        int added = 0;
        for (HoldSummary hold : live == null ? List.<HoldSummary>of() : live) {
            if (hold.status() != HoldStatus.ACTIVE && hold.status() != HoldStatus.SCHEDULED) {
                continue;
            }
            Integer n = tx.execute(t -> remindAndEscalate(hold, now));
            added += n == null ? 0 : n;
        }
        return added;
    }

    private int remindAndEscalate(HoldSummary hold, Instant now) {
        // the latest reminder point reached, still within its window (a point long past is not sent late)
        Duration point = null;
        for (Duration before : settings.remindersBefore()) {
            Instant at = hold.ackDeadline().minus(before);
            if (!now.isBefore(at) && now.isBefore(at.plus(settings.reminderWindow()))
                    && (point == null || before.compareTo(point) < 0)) {
                point = before;
            }
        }
        boolean overdue = now.isAfter(hold.ackDeadline());
        if (point == null && !overdue) {
            return 0;
        }
        String instruction = instruction(hold.incidentId());
        List<String> skus = skuLines(hold);
        Duration reminder = point;
        List<OutboundMessage> batch = new ArrayList<>();
        Map<String, List<String>> overdueByRegion = new TreeMap<>();
        holds.forEachStoreReached(hold.id(), HoldService.AckState.PENDING, row -> {
            if (overdue) {
                overdueByRegion.computeIfAbsent(row.region(), r -> new ArrayList<>())
                        .add(row.storeName() + " (" + row.storeCode() + ")");
            }
            if (reminder == null) {
                return;
            }
            Store s = catalog.findStore(row.storeCode()).orElse(null);
            if (s == null) {
                return;
            }
            Map<String, Object> v = new HashMap<>();
            v.put("storeName", s.getName());
            v.put("coverage", hold.coverage());
            v.put("skus", skus);
            v.put("channels", channels(hold));
            v.put("instruction", instruction);
            v.put("due", reminder.isZero() ? "The deadline to acknowledge is now: "
                    + MailTexts.when(hold.ackDeadline(), s.getZone()) + "."
                    : "Please acknowledge by " + MailTexts.when(hold.ackDeadline(), s.getZone()) + ".");
            v.put("link", settings.consoleUrl() + "/my-store");
            batch.add(storeMail(ACK_REMINDER, "ack-reminder:" + hold.id() + ":" + reminder.toMinutes(), s,
                    "Reminder: acknowledge the stop-sale of " + hold.coverage(), texts.render("ack-reminder", v)));
        });
        for (Map.Entry<String, List<String>> e : overdueByRegion.entrySet()) {
            Region region = catalog.findRegion(e.getKey()).orElse(null);
            String address = region == null ? null : region.getEscalationEmail();
            ZoneId zone = region == null ? ZoneId.of("UTC") : region.getZone();
            Map<String, Object> v = new HashMap<>();
            v.put("stores_counted", Words.count(e.getValue().size(), "store"));
            v.put("region", e.getKey());
            v.put("coverage", hold.coverage());
            v.put("deadline", MailTexts.when(hold.ackDeadline(), zone));
            v.put("stores", e.getValue());
            v.put("link", settings.consoleUrl() + "/holds");
            batch.add(email(ESCALATION, "escalation:" + hold.id(), "region:" + e.getKey(),
                    Channel.EMAIL, null, address, "Overdue: " + Words.count(e.getValue().size(), "store") + " of " + e.getKey()
                            + " did not acknowledge the stop-sale", texts.render("escalation", v), now,
                    address == null ? "The region has no escalation contact" : null));
        }
        if (!overdueByRegion.isEmpty()) {
            batch.addAll(teamEscalation(hold, overdueByRegion, now));
        }
        return outbox.enqueue(batch);
    }

    /**
     * For information: each active incident manager with an address gets one e-mail per hold listing every region's
     * overdue stores (same event key as the regions' e-mails, recipient {@code user:NAME}). Those who switched off
     * the e-mails for information only are on record as skipped.
     */
    private List<OutboundMessage> teamEscalation(HoldSummary hold, Map<String, List<String>> overdueByRegion,
            Instant now) {
        ZoneId zone = incidents.get(hold.incidentId()).getReferenceZone();
        List<Map<String, Object>> regions = new ArrayList<>();
        int count = 0;
        for (Map.Entry<String, List<String>> e : overdueByRegion.entrySet()) {
            Region region = catalog.findRegion(e.getKey()).orElse(null);
            String contact = region == null || region.getEscalationEmail() == null ? "no escalation contact"
                    : (region.getEscalationName() == null ? "" : region.getEscalationName() + ", ")
                            + region.getEscalationEmail();
            regions.add(Map.of("name", e.getKey(), "contact", contact, "stores", e.getValue()));
            count += e.getValue().size();
        }
        Map<String, Object> v = new HashMap<>();
        v.put("stores_counted", Words.count(count, "store"));
        v.put("coverage", hold.coverage());
        v.put("deadline", MailTexts.when(hold.ackDeadline(), zone));
        v.put("regions", regions);
        v.put("link", settings.consoleUrl() + "/holds");
        v.put("profileLink", settings.consoleUrl() + "/profile");
        String text = texts.render("escalation-team", v);
        String subject = "For information: " + Words.count(count, "store") + " overdue on the stop-sale of " + hold.coverage();
        List<OutboundMessage> out = new ArrayList<>();
        for (TeamContact m : users.activeIncidentManagers()) {
            if (m.email() == null) {
                continue;
            }
            out.add(email(ESCALATION, "escalation:" + hold.id(), "user:" + m.username(), Channel.EMAIL, null,
                    m.email(), subject, text, now, m.infoEmails() ? null : SWITCHED_OFF));
        }
        return out;
    }

    /** The skip reason of an e-mail for information only to a user who switched those off. */
    static final String SWITCHED_OFF = "Switched off by the user (e-mails for information only)";

    // ---------------------------------------------------------------- violations

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void onViolation(SaleViolationFound event) {
        SystemActor.run(() -> violation(event));
    }

    private void violation(SaleViolationFound event) {
        Store store = catalog.findStore(event.storeCode()).orElse(null);
        Region region = catalog.findRegion(event.region()).orElse(null);
        String sku = skuLine(event.skuCode());
        String eventKey = "violation:" + event.violationId();
        String subject = "Sale during a stop-sale at " + event.storeName();
        List<OutboundMessage> batch = new ArrayList<>();
        ZoneId storeZone = store == null ? ZoneId.of("UTC") : store.getZone();
        batch.add(email(VIOLATION, eventKey, "store:" + event.storeCode(), Channel.EMAIL, null,
                store == null ? null : store.getEmail(), subject, violationText(event, sku, storeZone),
                clock.instant(), store == null || store.getEmail() == null ? "The store has no e-mail address" : null));
        String contact = region == null ? null : region.getEscalationEmail();
        batch.add(email(VIOLATION, eventKey, "region:" + event.region(), Channel.EMAIL, null, contact,
                subject, violationText(event, sku, region == null ? storeZone : region.getZone()), clock.instant(),
                contact == null ? "The region has no escalation contact" : null));
        outbox.enqueue(batch);
    }

    private String violationText(SaleViolationFound event, String sku, ZoneId zone) {
        Map<String, Object> v = new HashMap<>();
        v.put("storeName", event.storeName());
        v.put("storeCode", event.storeCode());
        v.put("quantity", event.quantity());
        v.put("sku", sku);
        v.put("soldAt", MailTexts.when(event.soldAt(), zone));
        v.put("reason", event.holdReason());
        v.put("link", settings.consoleUrl() + "/my-store");
        return texts.render("violation", v);
    }

    // ---------------------------------------------------------------- update overdue

    /** Published outside any transaction by the cadence watcher. */
    @EventListener
    @Transactional
    void onUpdateOverdue(UpdateOverdue event) {
        // published by the cadence watcher's thread, where nobody is signed in
        SystemActor.run(() -> updateOverdue(event));
    }

    private void updateOverdue(UpdateOverdue event) {
        Incident incident = incidents.get(event.incidentId());
        ZoneId zone = incident.getReferenceZone();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("title", event.title());
        v.put("severity", "severity " + event.severity().name().substring(3));
        v.put("overdueBy", words(event.overdueBy()));
        v.put("lastUpdate", MailTexts.when(event.lastUpdateAt(), zone));
        v.put("dueAt", MailTexts.when(event.dueAt(), zone));
        v.put("period", words(event.period()));
        v.put("link", settings.consoleUrl() + "/incident/" + event.incidentId());
        String text = texts.render("update-overdue", v);
        String subject = "Public update overdue: " + event.title();
        List<OutboundMessage> batch = new ArrayList<>();
        for (TeamContact m : users.activeIncidentManagers()) {
            batch.add(email(UPDATE_OVERDUE, event.eventKey(), "user:" + m.username(), Channel.EMAIL,
                    null, m.email(), subject, text, clock.instant(),
                    m.email() == null ? "The incident manager has no e-mail address" : null));
        }
        outbox.enqueue(batch);
    }

    // ---------------------------------------------------------------- helpers

    private static OutboundMessage email(String kind, String eventKey, String recipientKey, Channel channel,
            @Nullable Long subscriberId, @Nullable String address,
            String subject, String body, Instant notBefore, @Nullable String skipReason) {
        return new OutboundMessage(kind, eventKey, recipientKey, channel, subscriberId, address, subject, body, null,
                notBefore, skipReason);
    }

    private OutboundMessage storeMail(String kind, String eventKey, Store s, String subject, String body) {
        return email(kind, eventKey, "store:" + s.getCode(), Channel.EMAIL, null, s.getEmail(),
                subject, body, clock.instant(), s.getEmail() == null ? "The store has no e-mail address" : null);
    }

    private String instruction(long incidentId) {
        String text = timeline.newestRetailInstruction(incidentId);
        return text == null ? "None yet: follow the stop-sale above until told otherwise." : text;
    }

    private List<String> skuLines(HoldSummary hold) {
        if (hold.family() != null) {
            return catalog.skusOfFamily(hold.family()).stream().map(StoreMailer::skuLine).toList();
        }
        return hold.skus().stream().map(this::skuLine).toList();
    }

    private String skuLine(String code) {
        return catalog.findSku(code).map(StoreMailer::skuLine).orElse(code);
    }

    private static String skuLine(Sku sku) {
        return sku.getModel() + ", " + sku.getColour() + " (" + sku.getCode() + ")";
    }

    private static String channels(HoldSummary hold) {
        return hold.channels().stream().map(SalesChannel::label).collect(Collectors.joining(", "));
    }

    static String words(Duration d) {
        long minutes = Math.max(d.toMinutes(), 0);
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        List<String> parts = new ArrayList<>();
        if (days > 0) {
            parts.add(days + (days == 1 ? " day" : " days"));
        }
        if (hours > 0) {
            parts.add(hours + (hours == 1 ? " hour" : " hours"));
        }
        if (mins > 0 || parts.isEmpty()) {
            parts.add(mins + (mins == 1 ? " minute" : " minutes"));
        }
        return String.join(" ", parts);
    }
}
