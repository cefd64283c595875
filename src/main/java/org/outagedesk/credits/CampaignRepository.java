package org.outagedesk.credits;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CampaignRepository extends JpaRepository<Campaign, Long> {

    @Query("select c from Campaign c where c.status in (org.outagedesk.credits.CampaignStatus.RUNNING,"
            + " org.outagedesk.credits.CampaignStatus.REVERSING)")
    List<Campaign> findUnfinished();

    List<Campaign> findByIncidentIdOrderByIdDesc(long incidentId);

    List<Campaign> findAllByOrderByIdDesc();
}
