package org.outagedesk.incident;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TimelineEntryRevisionRepository extends JpaRepository<TimelineEntryRevision, Long> {

    List<TimelineEntryRevision> findByEntryIdOrderByRevisionDesc(long entryId);

    int countByEntryId(long entryId);
}
