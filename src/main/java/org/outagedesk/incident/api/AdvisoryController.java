package org.outagedesk.incident.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.outagedesk.incident.IncidentBulletin;
import org.outagedesk.incident.IncidentStatus;
import org.outagedesk.incident.Notice;
import org.outagedesk.incident.Severity;
import org.outagedesk.incident.TimelineEntryType;
import org.outagedesk.incident.TimelineService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public customer advisory as JSON: no sign-in, PUBLIC entries of open incidents only, no authors. */
@RestController
@Tag(name = "Public customer advisory")
@PreAuthorize("permitAll()")
class AdvisoryController {

    record PublicNotice(long id, TimelineEntryType type, Instant occurredAt, String text) {

        static PublicNotice of(Notice n) {
            return new PublicNotice(n.entryId(), n.type(), n.occurredAt(), n.text());
        }
    }

    record PublicIncident(long id, String title, IncidentStatus status, Severity severity, Instant startedAt,
            String referenceZone, List<String> affectedServices, List<PublicNotice> guidance,
            List<PublicNotice> updates) {

        static PublicIncident of(IncidentBulletin b) {
            return new PublicIncident(b.incidentId(), b.title(), b.status(), b.severity(), b.startedAt(),
                    b.referenceZone().getId(), b.affectedServices(),
                    b.guidance().stream().map(PublicNotice::of).toList(),
                    b.updates().stream().map(PublicNotice::of).toList());
        }
    }

    record Advisory(Instant generatedAt, List<PublicIncident> incidents) {
    }

    private final TimelineService timeline;
    private final Clock clock;

    AdvisoryController(TimelineService timeline, Clock clock) {
        this.timeline = timeline;
        this.clock = clock;
    }

    @GetMapping("/api/public/advisory")
    @Operation(summary = "Open incidents with their public updates and the current guidance (what customers should "
            + "do); no sign-in needed")
    Advisory advisory() {
        return new Advisory(clock.instant(), timeline.advisory().stream().map(PublicIncident::of).toList());
    }
}
