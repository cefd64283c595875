package org.outagedesk.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.base.NotFoundException;
import org.outagedesk.base.Text;
import org.outagedesk.base.ui.Words;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.Store;
import org.outagedesk.catalog.StoreSelection;
import org.outagedesk.incident.TimelineEntry;
import org.outagedesk.incident.TimelineEntryType;
import org.outagedesk.incident.TimelineService;
import org.outagedesk.outbox.Channel;
import org.outagedesk.outbox.OutboundMessage;
import org.outagedesk.outbox.OutboxService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a retail instruction (a timeline entry of that type) by e-mail to every open store of some regions, some
 * stores, or all of them, through the outbox (kind RETAIL_INSTRUCTION). Each store gets an entry once: the event key
 * is {@code retail-instruction:{incident}:{entry}} and the recipient {@code store:CODE}, so sending again to the same
 * store adds nothing. A dry run counts without writing. Incident managers only.
 */
@Service
@Transactional(readOnly = true)
public class RetailInstructionMailer {

    static final String KIND = "RETAIL_INSTRUCTION";
    /** How many regions and store codes one request may name. */
    public static final int MAX_REGIONS = 200;
    public static final int MAX_STORES = 2000;
    private static final int PAGE = 500;

    private final TimelineService timeline;
    private final CatalogService catalog;
    private final OutboxService outbox;
    private final AuditService audit;
    private final MailTexts texts;
    private final StoreMailProperties settings;
    private final Clock clock;

    RetailInstructionMailer(TimelineService timeline, CatalogService catalog, OutboxService outbox,
            AuditService audit, MailTexts texts, StoreMailProperties settings, Clock clock) {
        this.timeline = timeline;
        this.catalog = catalog;
        this.outbox = outbox;
        this.audit = audit;
        this.texts = texts;
        this.settings = settings;
        this.clock = clock;
    }

    /** The count of a send without sending: the same numbers {@link #send} would answer. */
    @IncidentManagersOnly
    public RetailInstructionSent preview(long incidentId, long entryId, @Nullable Boolean all,
            @Nullable List<String> regions, @Nullable List<String> stores) {
        return run(incidentId, entryId, selection(all, regions, stores), true);
    }

    @Transactional
    @IncidentManagersOnly
    public RetailInstructionSent send(long incidentId, long entryId, @Nullable Boolean all,
            @Nullable List<String> regions, @Nullable List<String> stores) {
        RetailInstructionSent sent = run(incidentId, entryId, selection(all, regions, stores), false);
        audit.record("RETAIL_INSTRUCTION_SENT", "TimelineEntry", entryId, "Incident " + incidentId + ": e-mailed "
                + Words.count(sent.emailed(), "store") + ", " + sent.alreadySent() + " had it already, " + sent.withoutAddress()
                + " without an address");
        return sent;
    }

    /** The regions the dialog offers (tens of them). */
    @IncidentManagersOnly
    public List<String> regions() {
        return catalog.regions();
    }

    private RetailInstructionSent run(long incidentId, long entryId, StoreSelection selection, boolean dryRun) {
        TimelineEntry entry = timeline.get(entryId);
        if (entry.getIncidentId() != incidentId) {
            throw new NotFoundException("Timeline entry " + entryId + " of incident", incidentId);
        }
        if (entry.getType() != TimelineEntryType.RETAIL_INSTRUCTION) {
            throw new DomainException("entryId", "Only retail instructions are sent to stores; entry " + entryId
                    + " is of another type");
        }
        if (entry.isRetracted()) {
            throw DomainException.conflict("This retail instruction was retracted: it is not sent to stores");
        }
        long closed = catalog.countStores(selection, false) - catalog.countStores(selection, true);
        String eventKey = "retail-instruction:" + incidentId + ":" + entryId;
        Instant now = clock.instant();
        long[] counts = new long[4]; // stores, emailed, already, without address
        catalog.forEachOpenStore(selection, PAGE, page -> {
            List<String> keys = page.stream().map(s -> "store:" + s.getCode()).toList();
            Set<String> had = outbox.recipientsAlreadyIn(eventKey, keys);
            List<OutboundMessage> batch = new ArrayList<>();
            for (Store s : page) {
                counts[0]++;
                if (had.contains("store:" + s.getCode())) {
                    counts[2]++;
                    continue;
                }
                if (s.getEmail() == null) {
                    counts[3]++;
                } else {
                    counts[1]++;
                }
                if (!dryRun) {
                    batch.add(message(eventKey, entry, s, now));
                }
            }
            if (!batch.isEmpty()) {
                outbox.enqueue(batch);
            }
        });
        return new RetailInstructionSent(incidentId, entryId, dryRun, counts[0], counts[1], counts[2], counts[3],
                closed);
    }

    private OutboundMessage message(String eventKey, TimelineEntry entry, Store s, Instant now) {
        Map<String, Object> v = new HashMap<>();
        v.put("storeName", s.getName());
        v.put("storeCode", s.getCode());
        v.put("issuedAt", MailTexts.when(entry.getOccurredAt(), s.getZone()));
        v.put("sentAt", MailTexts.when(now, s.getZone()));
        // a RETAIL_INSTRUCTION entry is written for stores: the only timeline text that ever reaches them
        v.put("instruction", entry.getText());
        v.put("link", settings.consoleUrl() + "/my-store");
        return new OutboundMessage(KIND, eventKey, "store:" + s.getCode(), Channel.EMAIL, null, s.getEmail(),
                "Retail instruction for " + s.getName(), texts.render("retail-instruction", v), null, now,
                s.getEmail() == null ? "The store has no e-mail address" : null);
    }

    /** Checks what the caller chose: bounded, every region and store known, all or some but not both. */
    private StoreSelection selection(@Nullable Boolean all, @Nullable List<String> regions,
            @Nullable List<String> stores) {
        List<String> r = cleaned("regions", regions, MAX_REGIONS);
        List<String> s = cleaned("stores", stores, MAX_STORES).stream()
                .map(c -> c.toUpperCase(Locale.ROOT)).distinct().toList();
        boolean everyStore = Boolean.TRUE.equals(all);
        if (everyStore && (!r.isEmpty() || !s.isEmpty())) {
            throw new DomainException("all", "Choose all stores, or regions and stores, not both");
        }
        if (!everyStore && r.isEmpty() && s.isEmpty()) {
            throw new DomainException("regions", "Choose all stores, some regions or some stores");
        }
        List<String> known = catalog.regions();
        for (String region : r) {
            if (!known.contains(region)) {
                throw new DomainException("regions", "'" + Text.quote(region) + "' is not a region");
            }
        }
        List<String> unknown = catalog.unknownStoreCodes(s);
        if (!unknown.isEmpty()) {
            throw new DomainException("stores", "'" + Text.quote(unknown.getFirst()) + "' is not a store"
                    + (unknown.size() > 1 ? " (and " + (unknown.size() - 1) + " more unknown codes)" : ""));
        }
        return new StoreSelection(everyStore, r, s);
    }

    private static List<String> cleaned(String field, @Nullable List<String> values, int max) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > max) {
            throw new DomainException(field, "At most " + max + " " + field + " at once; " + values.size()
                    + " were sent");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            if (v == null || v.isBlank()) {
                throw new DomainException(field, "An empty value is not one of the " + field);
            }
            if (v.length() > 200) {
                throw new DomainException(field, "'" + Text.quote(v) + "' is too long to be one of the " + field);
            }
            out.add(v.strip());
        }
        return List.copyOf(out);
    }
}
