package org.outagedesk.mail;

import java.util.Comparator;
import java.util.List;
import org.outagedesk.base.AppRoles;
import org.outagedesk.outbox.OutboxService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The escalations e-mailed for a hold, for the Stop-sales screen (the roles that see it). */
@Service
@Transactional(readOnly = true)
public class EscalationLog {

    /** One per region and hold; a few incident managers' copies beside them: a page of 200 is plenty. */
    private static final int LIMIT = 200;

    private final OutboxService outbox;

    EscalationLog(OutboxService outbox) {
        this.outbox = outbox;
    }

    /** The regions' escalation e-mails of a hold, by region (not the incident managers' copies for information). */
    @PreAuthorize("hasAnyRole('" + AppRoles.INCIDENT_MANAGER + "','" + AppRoles.EXECUTIVE + "','" + AppRoles.AGENT
            + "')")
    public List<EscalationSent> ofHold(long holdId) {
        return outbox.messages("escalation:" + holdId, null, 0, LIMIT).stream()
                .filter(m -> m.recipientKey().startsWith("region:"))
                .map(m -> new EscalationSent(m.recipientKey().substring("region:".length()), m.address(),
                        m.status().label(), m.queuedAt(), m.sentAt(), m.skipReason()))
                .sorted(Comparator.comparing(EscalationSent::region)).toList();
    }
}
