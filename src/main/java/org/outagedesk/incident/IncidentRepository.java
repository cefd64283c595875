package org.outagedesk.incident;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface IncidentRepository extends JpaRepository<Incident, Long> {

    /** Open incidents first, then by start, newest first. */
    @Query("select i from Incident i order by case when i.status = 'RESOLVED' then 1 else 0 end, i.startedAt desc")
    List<Incident> findAllOpenFirst();

    /** Open incidents and those resolved since then: what the public advisory shows. Open ones first. */
    @Query("""
            select i from Incident i where i.status <> org.outagedesk.incident.IncidentStatus.RESOLVED
            or i.resolvedAt >= :resolvedSince
            order by case when i.status = org.outagedesk.incident.IncidentStatus.RESOLVED then 1 else 0 end,
            i.startedAt desc, i.id desc""")
    List<Incident> findOpenOrResolvedSince(Instant resolvedSince);

    @Query("select i from Incident i where i.status <> org.outagedesk.incident.IncidentStatus.RESOLVED order by i.id")
    List<Incident> findOpen();
}
