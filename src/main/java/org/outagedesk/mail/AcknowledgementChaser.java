package org.outagedesk.mail;

import static org.outagedesk.mail.StoreMailTexts.channels;
import static org.outagedesk.mail.StoreMailTexts.email;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.outagedesk.base.BackgroundTimer;
import org.outagedesk.base.SystemActor;
import org.outagedesk.base.ui.Words;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.Region;
import org.outagedesk.catalog.Store;
import org.outagedesk.holds.HoldService;
import org.outagedesk.holds.HoldStatus;
import org.outagedesk.holds.HoldSummary;
import org.outagedesk.incident.IncidentService;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The timer that chases the stores' acknowledgements of the live holds (issue 14): every
 * {@code outagedesk.store-mail.check-every}, as the system user, each hold in its own transaction, it queues through
 * the outbox, with one event key per hold and recipient so that a second check, a second node or a restart adds
 * nothing:
 * <ul>
 * <li>ACK_REMINDER: stores that have not acknowledged, at each configured point before the deadline
 * ("ack-reminder:H:minutes-before");
 * <li>ESCALATION: past the deadline, the region's escalation contact, once per hold and region ("escalation:H"),
 * and, for information, each active incident manager (those who switched that off on record as skipped).
 * </ul>
 */
@Component
class AcknowledgementChaser {

    static final String ACK_REMINDER = "ACK_REMINDER";
    static final String ESCALATION = "ESCALATION";

    private static final Logger log = LoggerFactory.getLogger(AcknowledgementChaser.class);

    private final OutboxService outbox;
    private final HoldService holds;
    private final CatalogService catalog;
    private final IncidentService incidents;
    private final UserService users;
    private final MailTexts texts;
    private final StoreMailTexts storeTexts;
    private final StoreMailProperties settings;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final BackgroundTimer timer = new BackgroundTimer("store-mail-check", log);

    AcknowledgementChaser(OutboxService outbox, HoldService holds, CatalogService catalog, IncidentService incidents,
            UserService users, MailTexts texts, StoreMailTexts storeTexts, StoreMailProperties settings, Clock clock,
            PlatformTransactionManager transactions) {
        this.outbox = outbox;
        this.holds = holds;
        this.catalog = catalog;
        this.incidents = incidents;
        this.users = users;
        this.texts = texts;
        this.storeTexts = storeTexts;
        this.settings = settings;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Duration every = Duration.ofMillis(Math.max(settings.checkEvery().toMillis(), 1000));
        timer.start(every, every, this::check);
    }

    @PreDestroy
    void stop() {
        timer.stop();
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
        String instruction = storeTexts.instruction(hold.incidentId());
        List<String> skus = storeTexts.skuLines(hold);
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
            batch.add(storeTexts.storeMail(ACK_REMINDER, "ack-reminder:" + hold.id() + ":" + reminder.toMinutes(), s,
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
}
