package org.outagedesk.incident.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.base.NotFoundException;
import org.outagedesk.base.api.PageResponse;
import org.outagedesk.base.api.Paging;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.IncidentStatus;
import org.outagedesk.incident.LifecycleTimes;
import org.outagedesk.incident.NewIncident;
import org.outagedesk.incident.Severity;
import org.outagedesk.incident.TimelineEntry;
import org.outagedesk.incident.TimelineEntryDraft;
import org.outagedesk.incident.TimelineEntryRevision;
import org.outagedesk.incident.TimelineEntryType;
import org.outagedesk.incident.TimelineFilter;
import org.outagedesk.incident.TimelineService;
import org.outagedesk.incident.UpdateDue;
import org.outagedesk.incident.Visibility;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Incidents and their timelines. Incident managers change them; agents and executives read everything; store
 * managers read public entries and retail instructions only (the service filters); the tills read nothing here.
 * Enum and time fields arrive as text so that a wrong value is refused naming its field.
 */
@RestController
@RequestMapping("/api/incidents")
@Tag(name = "Incidents and timeline")
@PreAuthorize("hasAnyRole('" + AppRoles.INCIDENT_MANAGER + "','" + AppRoles.AGENT + "','" + AppRoles.EXECUTIVE
        + "','" + AppRoles.STORE_MANAGER + "')")
class IncidentController {


    record IncidentResponse(long id, String title, String description, Severity severity, IncidentStatus status,
            List<IncidentStatus> allowedNextStatuses, List<String> affectedServices, String referenceZone,
            Instant startedAt, @Nullable Instant detectedAt, @Nullable Instant acknowledgedAt,
            @Nullable Instant mitigatedAt, @Nullable Instant resolvedAt, @Nullable Duration timeToDetect,
            @Nullable Duration timeToResolve, Instant createdAt, String createdBy, int version,
            @Nullable Instant nextUpdateDueAt, @Nullable Boolean updateOverdue) {

        static IncidentResponse of(Incident i) {
            return of(i, null, null);
        }

        /** With the update cadence: when the next public update is due and whether it is late (null once resolved). */
        static IncidentResponse of(Incident i, @Nullable UpdateDue due, @Nullable Instant now) {
            return new IncidentResponse(i.getId(), i.getTitle(), i.getDescription(), i.getSeverity(), i.getStatus(),
                    i.getStatus().allowedNext(), i.getAffectedServices(), i.getReferenceZone().getId(),
                    i.getStartedAt(), i.getDetectedAt(), i.getAcknowledgedAt(), i.getMitigatedAt(),
                    i.getResolvedAt(), i.timeToDetect(), i.timeToResolve(), i.getCreatedAt(), i.getCreatedBy(),
                    i.getVersion(), due == null ? null : due.dueAt(),
                    due == null || now == null ? null : due.overdueAt(now));
        }
    }

    record StatusChange(@Nullable String status, @Nullable String note, @Nullable String at) {
    }

    record LifecycleRequest(@Nullable String detectedAt, @Nullable String acknowledgedAt,
            @Nullable String mitigatedAt, @Nullable String resolvedAt) {
    }

    record EntryRequest(@Nullable String type, @Nullable String occurredAt, @Nullable String visibility,
            @Nullable Boolean pinned, @Nullable String text, @Nullable Integer version) {
    }

    record Retraction(@Nullable String reason, @Nullable Integer version) {
    }

    record EntryResponse(long id, long incidentId, TimelineEntryType type, Instant occurredAt, Visibility visibility,
            boolean pinned, String text, String author, Instant createdAt, @Nullable Instant editedAt,
            @Nullable String editedBy, boolean retracted, @Nullable Instant retractedAt, @Nullable String retractedBy,
            @Nullable String retractionReason, int version) {

        static EntryResponse of(TimelineEntry e) {
            return new EntryResponse(e.getId(), e.getIncidentId(), e.getType(), e.getOccurredAt(), e.getVisibility(),
                    e.isPinned(), e.getText(), e.getAuthor(), e.getCreatedAt(), e.getEditedAt(), e.getEditedBy(),
                    e.isRetracted(), e.getRetractedAt(), e.getRetractedBy(), e.getRetractionReason(), e.getVersion());
        }
    }

    record RevisionResponse(int revision, Instant changedAt, String changedBy, String change, TimelineEntryType type,
            Instant occurredAt, Visibility visibility, boolean pinned, String text) {

        static RevisionResponse of(TimelineEntryRevision r) {
            return new RevisionResponse(r.getRevision(), r.getChangedAt(), r.getChangedBy(), r.getChange(),
                    r.getType(), r.getOccurredAt(), r.getVisibility(), r.isPinned(), r.getText());
        }
    }

    private final IncidentService incidents;
    private final TimelineService timeline;
    private final Clock clock;

    IncidentController(IncidentService incidents, TimelineService timeline, Clock clock) {
        this.incidents = incidents;
        this.timeline = timeline;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Every incident, open ones first")
    List<IncidentResponse> list() {
        return incidents.findAll().stream().map(IncidentResponse::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @IncidentManagersOnly
    @Operation(summary = "Open an incident (status INVESTIGATING); referenceZone is an IANA zone id")
    IncidentResponse create(@Valid @RequestBody NewIncident request) {
        return IncidentResponse.of(incidents.create(request));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One incident with its lifecycle times and derived durations (ISO-8601), and when its next "
            + "public update is due by the update cadence of its severity (nextUpdateDueAt, updateOverdue; null once "
            + "resolved)")
    IncidentResponse get(@PathVariable long id) {
        return IncidentResponse.of(incidents.get(id), incidents.updateDue(id), clock.instant());
    }

    @PostMapping("/{id}/status")
    @IncidentManagersOnly
    @Operation(summary = "Change the status; writes a STATUS_CHANGE entry. Reopening needs a note (the reason); "
            + "'at' (ISO-8601 instant, optional) is when it happened. An impossible change is refused naming the "
            + "allowed ones")
    IncidentResponse changeStatus(@PathVariable long id, @RequestBody StatusChange change) {
        return IncidentResponse.of(incidents.changeStatus(id, parseEnum(IncidentStatus.class, "status",
                change.status()), change.note(), instant("at", change.at())));
    }

    @PutMapping("/{id}/lifecycle")
    @IncidentManagersOnly
    @Operation(summary = "Correct the lifecycle times (ISO-8601 instants; null = not reached)")
    IncidentResponse recordLifecycle(@PathVariable long id, @RequestBody LifecycleRequest times) {
        return IncidentResponse.of(incidents.recordLifecycle(id, new LifecycleTimes(
                instant("detectedAt", times.detectedAt()), instant("acknowledgedAt", times.acknowledgedAt()),
                instant("mitigatedAt", times.mitigatedAt()), instant("resolvedAt", times.resolvedAt()))));
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "The timeline, pinned entries first, then newest first. Store managers get PUBLIC and "
            + "RETAIL_INSTRUCTION entries only")
    PageResponse<EntryResponse> timeline(@PathVariable long id,
            @Parameter(description = "PUBLIC or INTERNAL") @RequestParam(required = false) String visibility,
            @Parameter(description = "an entry type, e.g. CUSTOMER_NOTICE") @RequestParam(required = false)
            String type, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        TimelineFilter filter = new TimelineFilter(parseOptional(TimelineEntryType.class, "type", type),
                parseOptional(Visibility.class, "visibility", visibility));
        return PageResponse.of(timeline.find(id, filter, Paging.of(page, size, 500)),
                EntryResponse::of);
    }

    @PostMapping("/{id}/timeline")
    @ResponseStatus(HttpStatus.CREATED)
    @IncidentManagersOnly
    @Operation(summary = "Add an entry: type, occurredAt (ISO-8601 instant, at most a day ahead), visibility, "
            + "pinned, text (plain text, 1 to 10,000 characters)")
    EntryResponse add(@PathVariable long id, @RequestBody EntryRequest request) {
        return EntryResponse.of(timeline.add(id, draft(request)));
    }

    @GetMapping("/{id}/timeline/{entryId}")
    EntryResponse entry(@PathVariable long id, @PathVariable long entryId) {
        return EntryResponse.of(entryOf(id, entryId));
    }

    @PutMapping("/{id}/timeline/{entryId}")
    @IncidentManagersOnly
    @Operation(summary = "Edit an entry; send the version you read: a stale version is refused with 409 and "
            + "nothing is overwritten. The earlier version stays in the history")
    EntryResponse edit(@PathVariable long id, @PathVariable long entryId, @RequestBody EntryRequest request) {
        entryOf(id, entryId);
        if (request.version() == null) {
            throw new DomainException("version", "Send the version of the entry you read");
        }
        return EntryResponse.of(timeline.edit(entryId, request.version(), draft(request)));
    }

    @GetMapping("/{id}/timeline/{entryId}/history")
    @Operation(summary = "Every version of an entry, newest first: who changed what and when")
    List<RevisionResponse> history(@PathVariable long id, @PathVariable long entryId) {
        entryOf(id, entryId);
        return timeline.history(entryId).stream().map(RevisionResponse::of).toList();
    }

    @PostMapping("/{id}/timeline/{entryId}/retract")
    @IncidentManagersOnly
    @Operation(summary = "Retract an entry with a reason; it stays on the timeline, marked retracted")
    EntryResponse retract(@PathVariable long id, @PathVariable long entryId, @RequestBody Retraction retraction) {
        entryOf(id, entryId);
        return EntryResponse.of(timeline.retract(entryId, retraction.version(), retraction.reason()));
    }

    private TimelineEntry entryOf(long incidentId, long entryId) {
        TimelineEntry entry = timeline.get(entryId);
        if (entry.getIncidentId() != incidentId) {
            throw new NotFoundException("Timeline entry " + entryId + " of incident", incidentId);
        }
        return entry;
    }

    private static TimelineEntryDraft draft(EntryRequest r) {
        return new TimelineEntryDraft(parseEnum(TimelineEntryType.class, "type", r.type()),
                required("occurredAt", instant("occurredAt", r.occurredAt())),
                parseEnum(Visibility.class, "visibility", r.visibility()), Boolean.TRUE.equals(r.pinned()),
                r.text());
    }

    private static <T> T required(String field, @Nullable T value) {
        if (value == null) {
            throw new DomainException(field, field + " is required");
        }
        return value;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String field, @Nullable String value) {
        E parsed = parseOptional(type, field, value);
        if (parsed == null) {
            throw new DomainException(field, field + " is required: one of " + names(type));
        }
        return parsed;
    }

    private static <E extends Enum<E>> @Nullable E parseOptional(Class<E> type, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(field, "'" + value + "' is not valid for " + field + "; use one of "
                    + names(type));
        }
    }

    private static String names(Class<? extends Enum<?>> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }

    private static @Nullable Instant instant(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException(field, "'" + value + "' is not an ISO-8601 instant such as "
                    + "2009-10-10T21:00:00Z");
        }
    }
}
