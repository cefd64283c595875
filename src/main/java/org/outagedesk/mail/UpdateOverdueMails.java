package org.outagedesk.mail;

import static org.outagedesk.mail.StoreMailTexts.email;
import static org.outagedesk.mail.StoreMailTexts.words;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.outagedesk.base.SystemActor;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.UpdateOverdue;
import org.outagedesk.outbox.Channel;
import org.outagedesk.outbox.OutboundMessage;
import org.outagedesk.outbox.OutboxService;
import org.outagedesk.security.TeamContact;
import org.outagedesk.security.UserService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * UPDATE_OVERDUE e-mails (issue 14): a public update overdue, to the active incident managers, through the outbox once
 * per {@link UpdateOverdue#eventKey()} and manager (those without an address on record as skipped). Runs as the
 * system user whoever publishes the event (the cadence watcher's timer already runs as it; a direct call may not).
 */
@Component
class UpdateOverdueMails {

    static final String UPDATE_OVERDUE = "UPDATE_OVERDUE";

    private final OutboxService outbox;
    private final IncidentService incidents;
    private final UserService users;
    private final MailTexts texts;
    private final StoreMailProperties settings;
    private final Clock clock;

    UpdateOverdueMails(OutboxService outbox, IncidentService incidents, UserService users, MailTexts texts,
            StoreMailProperties settings, Clock clock) {
        this.outbox = outbox;
        this.incidents = incidents;
        this.users = users;
        this.texts = texts;
        this.settings = settings;
        this.clock = clock;
    }

    /** Published outside any transaction by the cadence watcher. */
    @EventListener
    @Transactional
    void onUpdateOverdue(UpdateOverdue event) {
        // as the system user, also when the publisher is not signed in (a direct call of the watcher's check)
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
}
