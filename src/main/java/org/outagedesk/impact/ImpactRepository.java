package org.outagedesk.impact;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ImpactRepository extends JpaRepository<Impact, Long> {

    @Query("select i from Impact i join fetch i.subscriber s where i.incidentId = ?1 and s.msisdn = ?2")
    Optional<Impact> findByIncidentAndMsisdn(long incidentId, String msisdn);

    @Query("select i from Impact i where i.subscriber = ?1 order by i.incidentId desc")
    List<Impact> findBySubscriber(Subscriber subscriber);
}
