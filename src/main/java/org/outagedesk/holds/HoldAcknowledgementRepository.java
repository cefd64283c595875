package org.outagedesk.holds;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface HoldAcknowledgementRepository extends JpaRepository<HoldAcknowledgement, Long> {

    Optional<HoldAcknowledgement> findByHoldIdAndStoreCode(long holdId, String storeCode);

    List<HoldAcknowledgement> findByStoreCodeAndHoldIdIn(String storeCode, Collection<Long> holdIds);
}
