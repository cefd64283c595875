package org.outagedesk.impact;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ImpactStatusChangeRepository extends JpaRepository<ImpactStatusChange, Long> {

    @Query("select c from ImpactStatusChange c where c.impact = ?1 order by c.changedAt desc, c.id desc")
    List<ImpactStatusChange> findByImpactNewestFirst(Impact impact);
}
