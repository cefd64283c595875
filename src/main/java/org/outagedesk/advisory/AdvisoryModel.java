package org.outagedesk.advisory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outagedesk.incident.IncidentBulletin;
import org.outagedesk.incident.Notice;

/**
 * What the templates show, already in words: every value here may reach the public. Built only from
 * {@link IncidentBulletin}s of the public advisory, which carry PUBLIC entries and nothing else. Two models are equal
 * when the pages would be equal: the pages are rendered again only when the model changes.
 */
record AdvisoryModel(List<PublicIncident> open, List<PublicIncident> resolved, List<FeedEntry> feed,
        String feedUpdated) {

    /** One public update or piece of guidance. */
    record Update(long id, String when, String text) {
    }

    record PublicIncident(long id, String title, String status, String since, String affects,
            @Nullable String nextUpdate, @Nullable String resolvedAt, List<Update> guidance, List<Update> updates,
            boolean hasGuidance, boolean hasUpdates) {
    }

    /** An Atom entry: ids and times as the feed needs them. */
    record FeedEntry(String id, long incidentId, long entryId, String title, String updated, String text) {
    }

    static final int FEED_ENTRIES = 100;

    static AdvisoryModel of(List<IncidentBulletin> bulletins, Instant epochOfFeed) {
        List<PublicIncident> open = new ArrayList<>();
        List<PublicIncident> resolved = new ArrayList<>();
        record Dated(Instant at, FeedEntry entry) {
        }
        List<Dated> feed = new ArrayList<>();
        for (IncidentBulletin b : bulletins) {
            PublicIncident incident = incident(b);
            (b.status().isOpen() ? open : resolved).add(incident);
            List<Notice> all = new ArrayList<>(b.guidance());
            all.addAll(b.updates());
            for (Notice n : all) {
                feed.add(new Dated(n.occurredAt(), new FeedEntry("tag:outagedesk,2009:advisory/incident/"
                        + b.incidentId() + "/update/" + n.entryId(), b.incidentId(), n.entryId(),
                        PublicWords.clean(b.title()), n.occurredAt().toString(), PublicWords.clean(n.text()))));
            }
        }
        feed.sort(Comparator.comparing(Dated::at).reversed().thenComparing(d -> -d.entry().entryId()));
        List<FeedEntry> entries = feed.stream().limit(FEED_ENTRIES).map(Dated::entry).toList();
        String updated = feed.isEmpty() ? epochOfFeed.toString() : feed.getFirst().at().toString();
        return new AdvisoryModel(List.copyOf(open), List.copyOf(resolved), entries, updated);
    }

    private static PublicIncident incident(IncidentBulletin b) {
        List<Update> guidance = b.guidance().stream().map(n -> update(n, b)).toList();
        List<Update> updates = b.updates().stream().map(n -> update(n, b)).toList();
        return new PublicIncident(b.incidentId(), PublicWords.clean(b.title()), PublicWords.status(b.status()),
                PublicWords.time(b.startedAt(), b.referenceZone()),
                PublicWords.clean(String.join(", ", b.affectedServices())),
                b.nextUpdateDueAt() == null ? null : PublicWords.time(b.nextUpdateDueAt(), b.referenceZone()),
                b.resolvedAt() == null ? null : PublicWords.time(b.resolvedAt(), b.referenceZone()),
                guidance, updates, !guidance.isEmpty(), !updates.isEmpty());
    }

    private static Update update(Notice n, IncidentBulletin b) {
        return new Update(n.entryId(), PublicWords.time(n.occurredAt(), b.referenceZone()),
                PublicWords.clean(n.text()));
    }

    @Nullable PublicIncident incident(long id) {
        for (List<PublicIncident> list : List.of(open, resolved)) {
            for (PublicIncident i : list) {
                if (i.id() == id) {
                    return i;
                }
            }
        }
        return null;
    }
}
