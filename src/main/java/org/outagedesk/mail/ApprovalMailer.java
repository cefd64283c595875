package org.outagedesk.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.outagedesk.base.ApprovalRequested;
import org.outagedesk.base.SystemActor;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.outbox.Channel;
import org.outagedesk.outbox.OutboundMessage;
import org.outagedesk.outbox.OutboxService;
import org.outagedesk.security.TeamContact;
import org.outagedesk.security.UserService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * APPROVAL_PENDING: a credit, campaign or customer notice waits for approval, so each other active incident manager
 * with an e-mail address gets one e-mail (event key {@code approval-pending:{item}:{id}}, recipient
 * {@code user:NAME}) with a link to the screen where they approve it. Not an informational e-mail: nobody switches it
 * off. Sent once the submission has committed.
 */
@Component
class ApprovalMailer {

    static final String KIND = "APPROVAL_PENDING";

    private final OutboxService outbox;
    private final UserService users;
    private final IncidentService incidents;
    private final MailTexts texts;
    private final StoreMailProperties settings;
    private final Clock clock;

    ApprovalMailer(OutboxService outbox, UserService users, IncidentService incidents, MailTexts texts,
            StoreMailProperties settings, Clock clock) {
        this.outbox = outbox;
        this.users = users;
        this.incidents = incidents;
        this.texts = texts;
        this.settings = settings;
        this.clock = clock;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void onApprovalRequested(ApprovalRequested event) {
        // the submitter may be an agent (a credit above their limit): the e-mails are the application's own doing
        SystemActor.run(() -> mail(event));
    }

    private void mail(ApprovalRequested event) {
        Instant now = clock.instant();
        Incident incident = event.incidentId() == null ? null : incidents.get(event.incidentId());
        ZoneId zone = incident == null ? ZoneOffset.UTC : incident.getReferenceZone();
        Map<String, Object> v = new HashMap<>();
        v.put("summary", event.summary());
        v.put("requestedBy", event.requestedBy());
        v.put("submittedAt", MailTexts.when(now, zone));
        v.put("incidentLine", incident == null ? "" : ", for the incident \"" + incident.getTitle() + "\"");
        v.put("link", settings.consoleUrl() + "/" + event.screen());
        String body = texts.render("approval-pending", v);
        String subject = "Waiting for your approval: " + event.summary();
        List<OutboundMessage> batch = new ArrayList<>();
        for (TeamContact m : users.activeIncidentManagers()) {
            if (m.email() == null || event.notTo().contains(m.username())) {
                continue;
            }
            batch.add(new OutboundMessage(KIND, event.eventKey(), "user:" + m.username(), Channel.EMAIL, null,
                    m.email(), subject, body, null, now, null));
        }
        outbox.enqueue(batch);
    }
}
