package org.outagedesk.incident;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An open incident as told to an audience outside the incident team: customers (the public advisory: PUBLIC entries
 * only) or retail staff (PUBLIC entries and RETAIL_INSTRUCTION entries). {@code guidance} is "what you should do":
 * the pinned customer notices (and, for retail staff, pinned retail instructions); {@code updates} the other
 * entries, newest first. Retracted entries are left out. {@code nextUpdateDueAt}: when the next public update is
 * expected by the update cadence (null once resolved); {@code resolvedAt}: null while open.
 */
public record IncidentBulletin(long incidentId, String title, IncidentStatus status, Severity severity,
        Instant startedAt, ZoneId referenceZone, List<String> affectedServices, List<Notice> guidance,
        List<Notice> updates, @Nullable Instant nextUpdateDueAt, @Nullable Instant resolvedAt) {
}
