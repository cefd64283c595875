package org.outagedesk.impact;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.FigureCache;
import org.outagedesk.base.FigureSettings;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.base.Msisdn;
import org.outagedesk.base.NotFoundException;
import org.outagedesk.base.Text;
import org.outagedesk.base.ui.Words;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.Sku;
import org.outagedesk.catalog.Store;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.ResponseActionTaken;
import org.outagedesk.incident.TimelineEntryType;
import org.outagedesk.incident.Visibility;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Affected subscribers of an incident: finding them, reading one, changing statuses one at a time or in bulk,
 * logging calls, importing them from CSV. Agents and incident managers view and change; executives only view; store
 * managers and tills see nothing. Imports are for incident managers (loading the affected population is running the
 * incident, not answering a call).
 */
@Service
@Transactional(readOnly = true)
public class ImpactService {

    static final String VIEW = "hasAnyRole('" + AppRoles.AGENT + "','" + AppRoles.INCIDENT_MANAGER + "','"
            + AppRoles.EXECUTIVE + "')";
    public static final String CHANGE = "hasAnyRole('" + AppRoles.AGENT + "','" + AppRoles.INCIDENT_MANAGER + "')";

    private final ImpactQueries queries;
    private final ImpactFigureQueries figureQueries;
    private final ImpactRepository impacts;
    private final SubscriberRepository subscribers;
    private final ImpactStatusChangeRepository history;
    private final ContactLogEntryRepository contacts;
    private final ImportJobs imports;
    private final IncidentService incidents;
    private final CatalogService catalog;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /**
     * Aggregates that take {@code outagedesk.figures.expensive} (100 ms) or more, as H2 does at a million impacts,
     * are served from memory for up to {@code max-age} (1 min), refreshed in the background once
     * {@code refresh-after} (5 s) old; cheaper ones are always computed (see FigureCache).
     */
    private final FigureCache<List<Object>> figures;

    ImpactService(ImpactQueries queries, ImpactFigureQueries figureQueries, ImpactRepository impacts,
            SubscriberRepository subscribers, ImpactStatusChangeRepository history, ContactLogEntryRepository contacts, ImportJobs imports,
            IncidentService incidents, CatalogService catalog, AuditService audit, ApplicationEventPublisher events,
            Clock clock, FigureSettings figureSettings) {
        this.figures = figureSettings.cache();
        this.queries = queries;
        this.figureQueries = figureQueries;
        this.impacts = impacts;
        this.subscribers = subscribers;
        this.history = history;
        this.contacts = contacts;
        this.imports = imports;
        this.incidents = incidents;
        this.catalog = catalog;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A page of the incident's affected subscribers; sortable by the properties of {@link ImpactRow}. */
    @PreAuthorize(VIEW)
    public Page<ImpactRow> find(long incidentId, ImpactFilter filter, Pageable pageable) {
        incidents.get(incidentId);
        return queries.find(incidentId, filter, pageable, () -> figures.get(List.of("count", incidentId, filter),
                () -> figureQueries.count(incidentId, filter)));
    }

    /**
     * Hands every impact the filter selects (the list's filter, in the list's unsorted order) to {@code each}, one
     * at a time as the database streams them, with the subscriber's net credits: for exports of any size. Runs in
     * one read-only transaction; {@code each} must not keep the rows.
     */
    @PreAuthorize(VIEW)
    public void forEachImpact(long incidentId, ImpactFilter filter, Consumer<ExportedImpact> each) {
        incidents.get(incidentId);
        queries.forEach(incidentId, filter, each);
    }

    /**
     * The next {@code limit} affected subscribers the filter selects after subscriber id {@code afterSubscriberId},
     * in id order, with what a notice needs (contact details, status, net credits). For incident managers: who is
     * told what is running the incident.
     */
    @IncidentManagersOnly
    public List<AffectedSubscriber> affectedAfter(long incidentId, ImpactFilter filter, long afterSubscriberId,
            int limit) {
        return queries.affectedAfter(incidentId, filter, afterSubscriberId, Math.min(Math.max(limit, 1), 5000));
    }

    /** The subscriber's id, for features that keep records per subscriber. */
    @PreAuthorize(VIEW)
    public long subscriberId(String msisdn) {
        return subscribers.findByMsisdn(parse(msisdn).value()).map(Subscriber::getId)
                .orElseThrow(() -> new NotFoundException("Subscriber", msisdn));
    }

    /**
     * How many impacts the filter selects. This and the other figures below are computed from the impacts each
     * time, except where that takes long (a million impacts): then they may be a few seconds old (FIGURES).
     */
    @PreAuthorize(VIEW)
    public long count(long incidentId, ImpactFilter filter) {
        return figures.get(List.of("count", incidentId, filter), () -> figureQueries.count(incidentId, filter));
    }

    /** Counts per status and category among the impacts the filter selects. */
    @PreAuthorize(VIEW)
    public ImpactCounts counts(long incidentId, ImpactFilter filter) {
        incidents.get(incidentId);
        return figures.get(List.of("counts", incidentId, filter), () -> figureQueries.counts(incidentId, filter));
    }

    /** End-of-day counts per status from the status history, days in {@code zone}, oldest first. */
    @PreAuthorize(VIEW)
    public List<StatusOnDay> statusByDay(long incidentId, ZoneId zone) {
        incidents.get(incidentId);
        return figures.get(List.of("statusByDay", incidentId, zone), () -> figureQueries.statusByDay(incidentId, zone));
    }

    /** How many impacts the incident has per region of the subscriber's home store, largest first (one query). */
    @PreAuthorize(VIEW)
    public Map<String, Long> countsByRegion(long incidentId) {
        incidents.get(incidentId);
        return figures.get(List.of("byRegion", incidentId), () -> figureQueries.countsByRegion(incidentId));
    }

    /** How many impacts the incident has per device SKU, largest first (one query). */
    @PreAuthorize(VIEW)
    public Map<String, Long> countsBySku(long incidentId) {
        incidents.get(incidentId);
        return figures.get(List.of("bySku", incidentId), () -> figureQueries.countsBySku(incidentId));
    }

    @PreAuthorize(VIEW)
    public SubscriberDetails subscriber(String msisdn) {
        Subscriber s = subscribers.findByMsisdn(parse(msisdn).value())
                .orElseThrow(() -> new NotFoundException("Subscriber", msisdn));
        List<SubscriberDetails.ImpactDetails> list = impacts.findBySubscriber(s).stream().map(i -> {
            Incident incident = incidents.get(i.getIncidentId());
            return new SubscriberDetails.ImpactDetails(i.getIncidentId(), incident.getTitle(),
                    incident.getReferenceZone().getId(), i.getStatus(), i.getCategories(), i.getLastContactedAt(),
                    i.getVersion(),
                    history.findByImpactNewestFirst(i).stream().map(c -> new SubscriberDetails.StatusChange(
                            c.getChangedAt(), c.getChangedBy(), c.getFromStatus(), c.getToStatus(), c.getReason()))
                            .toList(),
                    contacts.findByImpactNewestFirst(i).stream().map(c -> new SubscriberDetails.Contact(
                            c.getContactedAt(), c.getAgent(), c.getNote())).toList());
        }).toList();
        String model = catalog.findSku(s.getSkuCode()).map(Sku::getModel).orElse(s.getSkuCode());
        String storeName = catalog.findStore(s.getStoreCode()).map(Store::getName).orElse(s.getStoreCode());
        return new SubscriberDetails(s.getMsisdn().value(), s.getAccountNumber(), s.getName(), s.getSkuCode(), model,
                s.getStoreCode(), storeName, s.getRegion(), s.hasDataPlan(), s.getLastSyncAt(), list);
    }

    /**
     * Changes one subscriber's status and/or categories in an incident. A status change needs a reason and goes
     * into the history; {@code categories} null leaves them as they are.
     */
    @Transactional
    @PreAuthorize(CHANGE)
    public void changeStatus(long incidentId, String msisdn, @Nullable DataLossStatus status,
            @Nullable Set<DataCategory> categories, @Nullable String reason) {
        if (status == null && categories == null) {
            throw new DomainException("status", "Choose the new status");
        }
        Impact impact = impact(incidentId, msisdn);
        // no status: only the categories change, the status stays
        DataLossStatus newStatus = status == null ? impact.getStatus() : status;
        DataLossStatus before = impact.getStatus();
        ImpactStatusChange change = impact.change(newStatus, categories, reason, CurrentActor.username(),
                clock.instant());
        if (change != null) {
            history.save(change);
        }
        audit.record("IMPACT_CHANGED", "Impact", impact.getId(), impact.getSubscriber().getMsisdn() + " in incident "
                + incidentId + ": " + before.label() + " → " + newStatus.label()
                + (categories == null ? "" : ", data concerned " + DataCategory.describe(categories))
                + (reason == null || reason.isBlank() ? "" : " (" + reason.strip() + ")"));
    }

    /** Records a call with the subscriber about this incident and marks them as contacted. */
    @Transactional
    @PreAuthorize(CHANGE)
    public void logContact(long incidentId, String msisdn, String note) {
        Impact impact = impact(incidentId, msisdn);
        ContactLogEntry entry = contacts.save(impact.logContact(note, CurrentActor.username(), clock.instant()));
        audit.record("CONTACT_LOGGED", "Impact", impact.getId(),
                impact.getSubscriber().getMsisdn() + ": " + entry.getNote());
    }

    /**
     * Records that a message reached these subscribers (a delivered notice), as a contact in the incident's contact
     * log, by {@code by} ("notice"), and as their impacts' last contact. Subscribers without an impact in the
     * incident are passed over. Set-wise: receipts come in thousands a second.
     */
    @Transactional
    @IncidentManagersOnly
    public int logDeliveredMessages(long incidentId, Collection<Long> subscriberIds, String note, String by,
            Instant at) {
        String text = Text.length(note.strip()) > 2000 ? note.strip().substring(0, 2000) : note.strip();
        return queries.logContacts(incidentId, subscriberIds, text, by, at);
    }

    /** How many impacts a bulk change to {@code newStatus} would change (those selected and not already in it). */
    @IncidentManagersOnly
    public long previewBulkChange(long incidentId, ImpactFilter filter, DataLossStatus newStatus) {
        incidents.get(incidentId);
        return queries.countToChange(incidentId, filter, newStatus);
    }

    /**
     * Sets {@code newStatus} on every impact the filter selects, in one transaction: a history entry for each and
     * one timeline entry for the incident. Refused when the number to change is not {@code expectedCount} (what the
     * user saw and confirmed).
     */
    @Transactional
    @IncidentManagersOnly
    public int bulkChangeStatus(long incidentId, ImpactFilter filter, DataLossStatus newStatus, String reason,
            long expectedCount) {
        if (newStatus == null) {
            throw new DomainException("newStatus", "Choose the new status");
        }
        if (reason == null || reason.isBlank()) {
            throw new DomainException("reason", "Say why these statuses change (it goes into each history)");
        }
        if (Text.length(reason.strip()) > 1000) {
            throw new DomainException("reason", "Keep the reason under 1,000 characters");
        }
        incidents.get(incidentId);
        long now = queries.countToChange(incidentId, filter, newStatus);
        if (now != expectedCount) {
            throw new BulkCountChangedException(expectedCount, now);
        }
        if (now == 0) {
            return 0;
        }
        Instant at = clock.instant();
        String by = CurrentActor.username();
        int changed = queries.changeStatus(incidentId, filter, newStatus, reason.strip(), by, at);
        String text = "Data-loss status of " + Words.count(changed, "subscriber") + " set to " + newStatus.label()
                + " (" + filter.describe() + "). Reason: " + reason.strip();
        audit.record("IMPACTS_BULK_CHANGED", "Incident", incidentId, text);
        // STATUS_CHANGE is reserved for the incident's own status; a change of subscribers' data-loss status is a
        // recovery (RECOVERED) or otherwise a note on the timeline
        events.publishEvent(new ResponseActionTaken(incidentId, newStatus == DataLossStatus.RECOVERED
                ? TimelineEntryType.DATA_RECOVERY : TimelineEntryType.NOTE, at, Visibility.INTERNAL,
                text.length() > 10_000 ? text.substring(0, 10_000) : text, by));
        return changed;
    }

    /**
     * Imports a CSV file now, on the calling thread (the API). Not in a transaction of its own: the importer
     * stages rows outside one and merges them in one.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    @IncidentManagersOnly
    public ImportResult importCsv(long incidentId, InputStream csv, long size, String fileName, ImportMode mode) {
        incidents.get(incidentId);
        return imports.runNow(incidentId, csv, size, fileName, mode);
    }

    /** Starts importing an uploaded file in the background; the file is deleted when done. */
    @IncidentManagersOnly
    public ImportJobStatus startImport(long incidentId, Path file, String fileName, ImportMode mode) {
        incidents.get(incidentId);
        return imports.start(incidentId, file, fileName, mode);
    }

    /** The running or last import of this incident, on whichever node it runs (kept in the database). */
    @IncidentManagersOnly
    public Optional<ImportJobStatus> latestImport(long incidentId) {
        return imports.latest(incidentId);
    }

    private Impact impact(long incidentId, String msisdn) {
        String number = parse(msisdn).value();
        return impacts.findByIncidentAndMsisdn(incidentId, number).orElseThrow(() -> new NotFoundException(
                "Subscriber", number + " in incident " + incidentId));
    }

    private static Msisdn parse(String msisdn) {
        try {
            return Msisdn.parse(msisdn);
        } catch (IllegalArgumentException e) {
            throw new DomainException("msisdn", e.getMessage());
        }
    }
}
