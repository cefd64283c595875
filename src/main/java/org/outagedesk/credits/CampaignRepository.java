package org.outagedesk.credits;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CampaignRepository extends JpaRepository<Campaign, Long> {

    List<Campaign> findByIncidentIdOrderByIdDesc(long incidentId);

    List<Campaign> findAllByOrderByIdDesc();
}
