package org.outagedesk.impact;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ContactLogEntryRepository extends JpaRepository<ContactLogEntry, Long> {

    @Query("select c from ContactLogEntry c where c.impact = ?1 order by c.contactedAt desc, c.id desc")
    List<ContactLogEntry> findByImpactNewestFirst(Impact impact);
}
