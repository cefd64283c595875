package org.outagedesk.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
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
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outage timeline of each incident. Incident managers add, edit and retract entries; agents and executives
 * read every entry; store managers read only PUBLIC entries and RETAIL_INSTRUCTION entries (checked here, so the
 * console and the API apply the same rule); the public advisory gets PUBLIC entries only. Other features add
 * entries by publishing {@link ResponseActionTaken}.
 */
@Service
@Transactional(readOnly = true)
public class TimelineService {

    static final String READERS = "hasAnyRole('" + AppRoles.INCIDENT_MANAGER + "','" + AppRoles.AGENT + "','"
            + AppRoles.EXECUTIVE + "','" + AppRoles.STORE_MANAGER + "')";

    /** Pinned entries first, then newest first; the id keeps entries of the same instant in a stable order. */
    public static final Sort TIMELINE_ORDER = Sort.by(Sort.Order.desc("pinned"), Sort.Order.desc("occurredAt"),
            Sort.Order.desc("id"));
    private static final Duration MAX_FUTURE = Duration.ofDays(1);
    private static final int MAX_REASON = 1000;
    private static final int MAX_UPDATES_SHOWN = 200;

    private final TimelineEntryRepository entries;
    private final TimelineEntryRevisionRepository revisions;
    private final IncidentRepository incidents;
    private final AuditService audit;
    private final UpdateCadence cadence;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final DateBounds dates;

    TimelineService(TimelineEntryRepository entries, TimelineEntryRevisionRepository revisions,
            IncidentRepository incidents, AuditService audit, UpdateCadence cadence, ApplicationEventPublisher events,
            Clock clock, DateBounds dates) {
        this.dates = dates;
        this.entries = entries;
        this.revisions = revisions;
        this.incidents = incidents;
        this.audit = audit;
        this.cadence = cadence;
        this.events = events;
        this.clock = clock;
    }

    /** One page of an incident's timeline, pinned first, newest first, as the caller's role may read it. */
    @PreAuthorize(READERS)
    public Page<TimelineEntry> find(long incidentId, TimelineFilter filter, Pageable pageable) {
        requireIncident(incidentId);
        return entries.findAll(spec(incidentId, filter),
                PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), TIMELINE_ORDER));
    }

    @PreAuthorize(READERS)
    public long count(long incidentId, TimelineFilter filter) {
        return entries.count(spec(incidentId, filter));
    }

    @PreAuthorize(READERS)
    public TimelineEntry get(long entryId) {
        TimelineEntry entry = entries.findById(entryId)
                .orElseThrow(() -> new NotFoundException("Timeline entry", entryId));
        if (retailOnly() && !entry.isRetailReadable()) {
            throw new AccessDeniedException("Store managers read public entries and retail instructions only");
        }
        return entry;
    }

    /** Every version of an entry, newest first (a store manager sees only the versions they may read). */
    @PreAuthorize(READERS)
    public List<TimelineEntryRevision> history(long entryId) {
        get(entryId);
        List<TimelineEntryRevision> all = revisions.findByEntryIdOrderByRevisionDesc(entryId);
        return retailOnly() ? all.stream().filter(TimelineEntryRevision::isRetailReadable).toList() : all;
    }

    @Transactional
    @IncidentManagersOnly
    public TimelineEntry add(long incidentId, TimelineEntryDraft draft) {
        requireIncident(incidentId);
        TimelineEntryDraft checked = check(draft);
        if (checked.type() == TimelineEntryType.STATUS_CHANGE) {
            throw new DomainException("type", "STATUS_CHANGE entries are written by status changes; change the "
                    + "incident's status instead, or choose another type");
        }
        return append(incidentId, checked, CurrentActor.username());
    }

    /**
     * Changes an entry. {@code expectedVersion} is the version the editor read: if someone changed the entry since,
     * the edit is refused (409) and nothing is overwritten. The earlier version stays in the history.
     */
    @Transactional
    @IncidentManagersOnly
    public TimelineEntry edit(long entryId, int expectedVersion, TimelineEntryDraft draft) {
        TimelineEntry entry = entries.findById(entryId)
                .orElseThrow(() -> new NotFoundException("Timeline entry", entryId));
        requireCurrent(entry, expectedVersion);
        if (entry.isRetracted()) {
            throw DomainException.conflict("This entry was retracted by " + entry.getRetractedBy()
                    + "; a retracted entry cannot be edited");
        }
        TimelineEntryDraft checked = check(draft);
        if ((entry.getType() == TimelineEntryType.STATUS_CHANGE) != (checked.type() == TimelineEntryType.STATUS_CHANGE)) {
            throw new DomainException("type", "A status change stays a status change, and no other entry can "
                    + "become one");
        }
        String user = CurrentActor.username();
        Instant now = clock.instant();
        String change = entry.edit(checked, user, now);
        if (change.isEmpty()) {
            return entry;
        }
        entries.saveAndFlush(entry);
        revisions.save(new TimelineEntryRevision(entry, revisions.countByEntryId(entryId) + 1, change, user, now));
        audit.record("TIMELINE_ENTRY_EDITED", "TimelineEntry", entryId,
                "Incident " + entry.getIncidentId() + ": " + change);
        events.publishEvent(new TimelineChanged(entry.getIncidentId()));
        return entry;
    }

    /** Retracts an entry with a reason: it stays on the timeline, marked as retracted, and leaves the advisory. */
    @Transactional
    @IncidentManagersOnly
    public TimelineEntry retract(long entryId, @Nullable Integer expectedVersion, @Nullable String reason) {
        TimelineEntry entry = entries.findById(entryId)
                .orElseThrow(() -> new NotFoundException("Timeline entry", entryId));
        if (expectedVersion != null) {
            requireCurrent(entry, expectedVersion);
        }
        if (reason == null || reason.isBlank()) {
            throw new DomainException("reason", "Say why the entry is retracted");
        }
        if (Text.length(reason.strip()) > MAX_REASON) {
            throw new DomainException("reason", "The reason is " + reason.strip().length()
                    + " characters long; at most " + MAX_REASON + " are allowed");
        }
        if (entry.isRetracted()) {
            throw DomainException.conflict("This entry was already retracted by " + entry.getRetractedBy()
                    + " at " + entry.getRetractedAt());
        }
        String user = CurrentActor.username();
        Instant now = clock.instant();
        entry.retract(reason.strip(), user, now);
        entries.saveAndFlush(entry);
        revisions.save(new TimelineEntryRevision(entry, revisions.countByEntryId(entryId) + 1,
                "retracted: " + reason.strip(), user, now));
        audit.record("TIMELINE_ENTRY_RETRACTED", "TimelineEntry", entryId,
                "Incident " + entry.getIncidentId() + ": " + reason.strip());
        events.publishEvent(new TimelineChanged(entry.getIncidentId()));
        return entry;
    }

    /**
     * The public customer advisory: each open incident with its PUBLIC entries only. Anyone may read it, signed in
     * or not; nothing INTERNAL reaches it.
     */
    @PreAuthorize("permitAll()")
    public List<IncidentBulletin> advisory() {
        return bulletins(incidents.findAllOpenFirst().stream().filter(i -> i.getStatus().isOpen()).toList(), false);
    }

    /**
     * The public advisory with the incidents resolved since {@code resolvedSince} as well (after the open ones), so
     * that a link to an incident's public page sent during the outage still answers once it is resolved.
     */
    @PreAuthorize("permitAll()")
    public List<IncidentBulletin> advisoryWithResolvedSince(Instant resolvedSince) {
        return bulletins(incidents.findOpenOrResolvedSince(resolvedSince), false);
    }

    /** When the next public update of an open incident is due by its cadence; null once resolved. */
    @Nullable UpdateDue updateDue(Incident incident) {
        return cadence.dueFor(incident, entries.newestPublicAt(incident.getId(), clock.instant()));
    }

    /**
     * What store staff need from the timeline: each open incident with its PUBLIC entries and RETAIL_INSTRUCTION
     * entries, the pinned ones as guidance. For the store screen.
     */
    @PreAuthorize(READERS)
    public List<IncidentBulletin> retailGuidance() {
        return bulletins(incidents.findAllOpenFirst().stream().filter(i -> i.getStatus().isOpen()).toList(), true);
    }

    /**
     * The text of the incident's newest retail instruction (a RETAIL_INSTRUCTION entry, which is meant for stores),
     * or null. No role check: for the store e-mails. Never returns an internal entry of another type.
     */
    public @Nullable String newestRetailInstruction(long incidentId) {
        return entries.retailInstructions(incidentId, PageRequest.of(0, 1)).stream()
                .findFirst().map(TimelineEntry::getText).orElse(null);
    }

    /**
     * Puts an entry on a timeline without a role check: for the status changes of {@link IncidentService} and for
     * {@link ResponseActionTaken} events, whose publishers checked their own callers. Runs in the caller's
     * transaction.
     */
    @Transactional
    TimelineEntry append(long incidentId, TimelineEntryDraft draft, String author) {
        requireIncident(incidentId);
        TimelineEntryDraft checked = check(draft);
        TimelineEntry entry = entries.saveAndFlush(new TimelineEntry(incidentId, checked, author, clock.instant()));
        revisions.save(new TimelineEntryRevision(entry, 1, "created", author, entry.getCreatedAt()));
        audit.record("TIMELINE_ENTRY_ADDED", "TimelineEntry", entry.getId(), "Incident " + incidentId + ": "
                + checked.type().label() + ", " + checked.visibility().label().toLowerCase(Locale.ROOT)
                + ", at " + TimelineEntry.utc(checked.occurredAt()));
        events.publishEvent(new TimelineChanged(incidentId));
        return entry;
    }

    private List<IncidentBulletin> bulletins(List<Incident> shownIncidents, boolean withRetail) {
        return shownIncidents.stream().map(i -> {
            List<TimelineEntry> shown = entries.findCurrentForAudience(i.getId(), withRetail,
                    PageRequest.of(0, MAX_UPDATES_SHOWN));
            List<Notice> guidance = shown.stream().filter(e -> isGuidance(e)).map(Notice::of).toList();
            List<Notice> updates = shown.stream().filter(e -> !isGuidance(e))
                    .sorted((a, b) -> b.getOccurredAt().compareTo(a.getOccurredAt())).map(Notice::of).toList();
            UpdateDue due = updateDue(i);
            return new IncidentBulletin(i.getId(), i.getTitle(), i.getStatus(), i.getSeverity(), i.getStartedAt(),
                    i.getReferenceZone(), i.getAffectedServices(), guidance, updates,
                    due == null ? null : due.dueAt(), i.getResolvedAt());
        }).toList();
    }

    private static boolean isGuidance(TimelineEntry e) {
        return e.isPinned() && (e.getType() == TimelineEntryType.CUSTOMER_NOTICE
                || e.getType() == TimelineEntryType.RETAIL_INSTRUCTION);
    }

    private TimelineEntryDraft check(TimelineEntryDraft draft) {
        if (draft.type() == null) {
            throw new DomainException("type", "Choose the type of entry");
        }
        if (draft.visibility() == null) {
            throw new DomainException("visibility", "Choose who may see it: " + Visibility.PUBLIC.label() + " or " + Visibility.INTERNAL.label());
        }
        if (draft.occurredAt() == null) {
            throw new DomainException("occurredAt", "Enter when it happened");
        }
        dates.check("occurredAt", draft.occurredAt());
        if (draft.occurredAt().isAfter(clock.instant().plus(MAX_FUTURE))) {
            throw new DomainException("occurredAt", "The time " + draft.occurredAt()
                    + " is more than a day in the future");
        }
        String text = draft.text() == null ? "" : draft.text().strip();
        if (text.isEmpty()) {
            throw new DomainException("text", "Enter the text of the entry");
        }
        if (Text.length(text) > TimelineEntry.MAX_TEXT) {
            throw new DomainException("text", "The text is " + text.length() + " characters long; at most "
                    + TimelineEntry.MAX_TEXT + " are allowed");
        }
        // the database keeps microseconds: what is returned must equal what is read back later
        return new TimelineEntryDraft(draft.type(), draft.occurredAt().truncatedTo(ChronoUnit.MICROS),
                draft.visibility(), draft.pinned(), text);
    }

    private static void requireCurrent(TimelineEntry entry, int expectedVersion) {
        if (entry.getVersion() != expectedVersion) {
            String by = entry.isRetracted() ? entry.getRetractedBy() : entry.getEditedBy();
            throw DomainException.conflict("Someone else (" + (by == null ? "another user" : by)
                    + ") changed this entry since you read it: you sent version " + expectedVersion
                    + ", it is now at version " + entry.getVersion() + ". Reload it and apply your change again");
        }
    }

    private void requireIncident(long incidentId) {
        if (!incidents.existsById(incidentId)) {
            throw new NotFoundException("Incident", incidentId);
        }
    }

    private static boolean retailOnly() {
        return CurrentActor.hasRole(AppRoles.STORE_MANAGER);
    }

    private static Specification<TimelineEntry> spec(long incidentId, TimelineFilter filter) {
        Specification<TimelineEntry> spec = (r, q, cb) -> cb.equal(r.get("incidentId"), incidentId);
        if (filter.type() != null) {
            spec = spec.and((r, q, cb) -> cb.equal(r.get("type"), filter.type()));
        }
        if (filter.visibility() != null) {
            spec = spec.and((r, q, cb) -> cb.equal(r.get("visibility"), filter.visibility()));
        }
        if (retailOnly()) {
            spec = spec.and((r, q, cb) -> cb.or(cb.equal(r.get("visibility"), Visibility.PUBLIC),
                    cb.equal(r.get("type"), TimelineEntryType.RETAIL_INSTRUCTION)));
        }
        return spec;
    }
}
