package org.outagedesk.impact;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SubscriberRepository extends JpaRepository<Subscriber, Long> {

    Optional<Subscriber> findByMsisdn(String msisdn);
}
