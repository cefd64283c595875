package org.outagedesk.advisory;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outagedesk.incident.IncidentBulletin;
import org.outagedesk.incident.IncidentStatus;
import org.outagedesk.incident.Notice;
import org.outagedesk.incident.Severity;
import org.outagedesk.incident.TimelineEntryType;

/**
 * {@code GET /api/public/advisory}: open incidents with their PUBLIC entries, no authors. {@code generatedAt} is when
 * this content last changed; {@code nextUpdateDueAt} when the next public update is expected (the update cadence).
 */
record AdvisoryJson(Instant generatedAt, List<PublicIncident> incidents) {

    record PublicNotice(long id, TimelineEntryType type, Instant occurredAt, String text) {

        static PublicNotice of(Notice n) {
            return new PublicNotice(n.entryId(), n.type(), n.occurredAt(), n.text());
        }
    }

    record PublicIncident(long id, String title, IncidentStatus status, String statusText, Severity severity,
            Instant startedAt, String referenceZone, List<String> affectedServices, @Nullable Instant nextUpdateDueAt,
            List<PublicNotice> guidance, List<PublicNotice> updates) {

        static PublicIncident of(IncidentBulletin b) {
            return new PublicIncident(b.incidentId(), b.title(), b.status(), PublicWords.status(b.status()),
                    b.severity(), b.startedAt(), b.referenceZone().getId(), b.affectedServices(), b.nextUpdateDueAt(),
                    b.guidance().stream().map(PublicNotice::of).toList(),
                    b.updates().stream().map(PublicNotice::of).toList());
        }
    }

    static AdvisoryJson of(Instant generatedAt, List<IncidentBulletin> bulletins) {
        return new AdvisoryJson(generatedAt, bulletins.stream().filter(b -> b.status().isOpen())
                .map(PublicIncident::of).toList());
    }
}
