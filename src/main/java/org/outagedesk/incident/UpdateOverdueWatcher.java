package org.outagedesk.incident;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.outagedesk.base.BackgroundTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches the update cadence of the open incidents and publishes {@link UpdateOverdue} once when an incident's next
 * public update becomes overdue, and once per cadence period while it stays overdue. It sends nothing itself: the
 * e-mail to the incident managers listens to the event (through the outbox, keyed by {@link UpdateOverdue#eventKey}).
 * <p>
 * Checks every {@code outagedesk.cadence.check-every} (1 min). What was published is remembered in memory per
 * incident; after a restart, or on a second node, the current reminder is published again with the same key, which
 * the outbox's unique key per recipient turns into nothing.
 */
@Component
class UpdateOverdueWatcher {

    private static final Logger log = LoggerFactory.getLogger(UpdateOverdueWatcher.class);

    private final IncidentRepository incidents;
    private final TimelineEntryRepository entries;
    private final UpdateCadence cadence;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate readOnly;
    private final Duration every;
    /** Per incident, the last reminder published. */
    private final Map<Long, UpdateOverdue> published = new ConcurrentHashMap<>();
    private final BackgroundTimer timer = new BackgroundTimer("update-cadence", log);

    UpdateOverdueWatcher(IncidentRepository incidents, TimelineEntryRepository entries, UpdateCadence cadence,
            ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions,
            @Value("${outagedesk.cadence.check-every:1m}") Duration every) {
        this.incidents = incidents;
        this.entries = entries;
        this.cadence = cadence;
        this.events = events;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.every = every;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        // as the system user: nothing on the way reads who is signed in (the e-mail listener sets it itself)
        Duration period = Duration.ofMillis(Math.max(every.toMillis(), 1000));
        timer.start(period, period, () -> check(clock.instant()));
    }

    @PreDestroy
    void stop() {
        timer.stop();
    }

    /** Publishes the reminders due at {@code now} that were not published yet; returns them. */
    synchronized List<UpdateOverdue> check(Instant now) {
        record Checked(Set<Long> open, List<UpdateOverdue> overdue) {
        }
        Checked checked = readOnly.execute(tx -> {
            Set<Long> open = new HashSet<>();
            List<UpdateOverdue> overdue = new ArrayList<>();
            for (Incident incident : incidents.findOpen()) {
                open.add(incident.getId());
                UpdateDue next = cadence.dueFor(incident, entries.newestPublicAt(incident.getId(), now));
                if (next != null && next.overdueAt(now)) {
                    overdue.add(new UpdateOverdue(incident.getId(), incident.getTitle(), incident.getSeverity(),
                            next.lastUpdateAt(), next.dueAt(), next.period(), next.reminderAt(now), now));
                }
            }
            return new Checked(open, overdue);
        });
        published.keySet().retainAll(checked.open());
        List<UpdateOverdue> sent = new ArrayList<>();
        for (UpdateOverdue overdue : checked.overdue()) {
            UpdateOverdue last = published.get(overdue.incidentId());
            if (last == null || !last.dueAt().equals(overdue.dueAt()) || overdue.reminder() > last.reminder()) {
                published.put(overdue.incidentId(), overdue);
                events.publishEvent(overdue);
                sent.add(overdue);
            }
        }
        return sent;
    }
}
