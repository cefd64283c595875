package org.outagedesk.incident;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TimelineEntryRepository extends JpaRepository<TimelineEntry, Long>, JpaSpecificationExecutor<TimelineEntry> {

    /** Current (not retracted) public entries of an incident, with its retail instructions when asked. */
    @Query("""
            select e from TimelineEntry e where e.incidentId = :incidentId and e.retractedAt is null
            and (e.visibility = org.outagedesk.incident.Visibility.PUBLIC
                 or (:withRetail = true and e.type = org.outagedesk.incident.TimelineEntryType.RETAIL_INSTRUCTION))
            order by e.pinned desc, e.occurredAt desc, e.id desc""")
    List<TimelineEntry> findCurrentForAudience(long incidentId, boolean withRetail, Pageable limit);

    /** When the newest current public entry of an incident happened, among those that have happened by then. */
    @Query("""
            select max(e.occurredAt) from TimelineEntry e where e.incidentId = :incidentId and e.retractedAt is null
            and e.visibility = org.outagedesk.incident.Visibility.PUBLIC and e.occurredAt <= :now""")
    @Nullable Instant newestPublicAt(long incidentId, Instant now);

    /** The incident's retail instructions not retracted, newest first (the store e-mails take the first). */
    @Query("""
            select e from TimelineEntry e
            where e.incidentId = :incidentId and e.type = org.outagedesk.incident.TimelineEntryType.RETAIL_INSTRUCTION
              and e.retractedAt is null
            order by e.occurredAt desc, e.id desc
            """)
    List<TimelineEntry> retailInstructions(
            @Param("incidentId") long incidentId,
            Pageable page);
}
