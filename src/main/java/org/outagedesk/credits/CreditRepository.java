package org.outagedesk.credits;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CreditRepository extends JpaRepository<Credit, Long> {

    Optional<Credit> findByReversesId(long reversesId);
}
