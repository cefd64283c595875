package org.outagedesk.incident;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface IncidentRepository extends JpaRepository<Incident, Long> {

    /** Open incidents first, then by start, newest first. */
    @Query("select i from Incident i order by case when i.status = 'RESOLVED' then 1 else 0 end, i.startedAt desc")
    List<Incident> findAllOpenFirst();
}
