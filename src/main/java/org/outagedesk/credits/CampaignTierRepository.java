package org.outagedesk.credits;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CampaignTierRepository extends JpaRepository<CampaignTier, Long> {

    List<CampaignTier> findByCampaignIdOrderByTierNo(long campaignId);
}
