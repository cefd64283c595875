package org.outagedesk.incident;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.DateBounds;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.base.NotFoundException;
import org.outagedesk.base.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Incidents: create, change status (each change writes its own timeline entry), correct lifecycle times. Other
 * features use {@link #get(long)} to check that an incident exists. The entries themselves: {@link TimelineService}.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class IncidentService {

    private static final int MAX_NOTE = 2000;

    private final IncidentRepository incidents;
    private final AuditService audit;
    private final Clock clock;
    private final TimelineService timeline;
    private final ApplicationEventPublisher events;

    private final DateBounds dates;

    IncidentService(IncidentRepository incidents, AuditService audit, Clock clock, TimelineService timeline,
            ApplicationEventPublisher events, DateBounds dates) {
        this.dates = dates;
        this.incidents = incidents;
        this.audit = audit;
        this.clock = clock;
        this.timeline = timeline;
        this.events = events;
    }

    @Transactional
    @IncidentManagersOnly
    public Incident create(@Valid NewIncident request) {
        dates.check("startedAt", request.startedAt());
        if (request.startedAt().isAfter(clock.instant().plus(Duration.ofDays(1)))) {
            throw new DomainException("startedAt", "The start is more than a day in the future");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(request.referenceZone());
        } catch (DateTimeException e) {
            throw new DomainException("referenceZone", "'" + request.referenceZone()
                    + "' is not a time zone; use an IANA id such as America/Los_Angeles");
        }
        Incident incident = incidents.save(new Incident(request.title().strip(), request.description(),
                request.severity(), request.affectedServices().stream().map(String::strip).toList(), zone,
                request.startedAt(), clock.instant(), CurrentActor.username()));
        audit.record("INCIDENT_CREATED", "Incident", incident.getId(),
                incident.getTitle() + " (" + incident.getSeverity().label() + ")");
        events.publishEvent(new TimelineChanged(incident.getId()));
        return incident;
    }

    @PreAuthorize("hasAnyRole('" + AppRoles.INCIDENT_MANAGER + "','" + AppRoles.AGENT + "','" + AppRoles.EXECUTIVE
            + "','" + AppRoles.STORE_MANAGER + "')")
    public Incident get(long id) {
        return incidents.findById(id).orElseThrow(() -> new NotFoundException("Incident", id));
    }

    /**
     * When the incident's next public update is due by the update cadence of its severity, counted from its newest
     * public entry (or its start); null once resolved. {@link UpdateDue#overdueAt} says whether it is late.
     */
    @PreAuthorize("hasAnyRole('" + AppRoles.INCIDENT_MANAGER + "','" + AppRoles.AGENT + "','" + AppRoles.EXECUTIVE
            + "','" + AppRoles.STORE_MANAGER + "')")
    public @Nullable UpdateDue updateDue(long id) {
        return timeline.updateDue(get(id));
    }

    /**
     * Changes the status of an incident and writes the STATUS_CHANGE entry on its timeline in the same transaction.
     * {@code at} is when the change happened (now when null; earlier when entered after the fact). Reopening a
     * resolved incident needs a reason in {@code note}. An impossible change is refused naming the allowed ones.
     */
    @Transactional
    @IncidentManagersOnly
    public Incident changeStatus(long id, IncidentStatus target, @Nullable String note, @Nullable Instant at) {
        Incident incident = get(id);
        IncidentStatus from = incident.getStatus();
        if (target == null) {
            throw new DomainException("status", "Choose the new status: " + nextInWords(from));
        }
        if (!from.canChangeTo(target)) {
            throw new DomainException("status", "An incident that is \"" + from.label() + "\" cannot become \""
                    + target.label() + "\"; it can become " + nextInWords(from));
        }
        String reason = note == null ? "" : note.strip();
        if (from.isReopeningTo(target) && reason.isEmpty()) {
            throw new DomainException("note", "Say why the incident is reopened");
        }
        if (Text.length(reason) > MAX_NOTE) {
            throw new DomainException("note", "The note is " + Text.length(reason) + " characters long; at most "
                    + MAX_NOTE + " are allowed");
        }
        dates.check("at", at);
        Instant now = clock.instant();
        Instant when = at == null ? now : at;
        if (when.isAfter(now.plus(Duration.ofDays(1)))) {
            throw new DomainException("at", "The time " + when + " is more than a day in the future");
        }
        if (when.isBefore(incident.getStartedAt())) {
            throw new DomainException("at", "The time " + when + " is before the incident started ("
                    + incident.getStartedAt() + ")");
        }
        incident.moveTo(target, when);
        incidents.saveAndFlush(incident);
        String text = (from.isReopeningTo(target) ? "Reopened: " : "Status ") + from.label() + " → " + target.label()
                + (reason.isEmpty() ? "" : (from.isReopeningTo(target) ? ". Reason: " : ". ") + reason);
        timeline.append(id, new TimelineEntryDraft(TimelineEntryType.STATUS_CHANGE, when, Visibility.INTERNAL, false,
                text), CurrentActor.username());
        audit.record("INCIDENT_STATUS_CHANGED", "Incident", id, text);
        return incident;
    }

    /** Corrects the lifecycle times by hand; each must lie between the start of the outage and tomorrow. */
    @Transactional
    @IncidentManagersOnly
    public Incident recordLifecycle(long id, LifecycleTimes times) {
        Incident incident = get(id);
        Instant latest = clock.instant().plus(Duration.ofDays(1));
        Map<String, Instant> given = new LinkedHashMap<>();
        given.put("detectedAt", times.detectedAt());
        given.put("acknowledgedAt", times.acknowledgedAt());
        given.put("mitigatedAt", times.mitigatedAt());
        given.put("resolvedAt", times.resolvedAt());
        given.forEach((field, value) -> {
            dates.check(field, value);
            if (value != null && value.isBefore(incident.getStartedAt())) {
                throw new DomainException(field, "The time " + value + " is before the incident started ("
                        + incident.getStartedAt() + ")");
            }
            if (value != null && value.isAfter(latest)) {
                throw new DomainException(field, "The time " + value + " is more than a day in the future");
            }
        });
        if (incident.getStatus() == IncidentStatus.RESOLVED && times.resolvedAt() == null) {
            throw new DomainException("resolvedAt", "A resolved incident needs its resolution time");
        }
        incident.recordLifecycle(times.detectedAt(), times.acknowledgedAt(), times.mitigatedAt(), times.resolvedAt());
        incidents.saveAndFlush(incident);
        audit.record("INCIDENT_LIFECYCLE_RECORDED", "Incident", id, "detected " + times.detectedAt()
                + ", acknowledged " + times.acknowledgedAt() + ", mitigated " + times.mitigatedAt() + ", resolved "
                + times.resolvedAt());
        return incident;
    }

    /** Every incident, open ones first. */
    @PreAuthorize("hasAnyRole('" + AppRoles.INCIDENT_MANAGER + "','" + AppRoles.AGENT + "','" + AppRoles.EXECUTIVE
            + "','" + AppRoles.STORE_MANAGER + "')")
    public List<Incident> findAll() {
        return incidents.findAllOpenFirst();
    }

    /** The statuses an incident may move to next, in words, quoted (a label may hold a comma). */
    private static String nextInWords(IncidentStatus from) {
        List<String> next = from.allowedNext().stream().map(s -> "\"" + s.label() + "\"").toList();
        return next.size() <= 1 ? String.join("", next)
                : String.join(", ", next.subList(0, next.size() - 1)) + " or " + next.getLast();
    }
}
