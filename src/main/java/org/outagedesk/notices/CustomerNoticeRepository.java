package org.outagedesk.notices;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CustomerNoticeRepository extends JpaRepository<CustomerNotice, Long> {

    List<CustomerNotice> findByIncidentIdOrderByIdDesc(long incidentId);

    List<CustomerNotice> findByStatusOrderById(NoticeStatus status);

    boolean existsByIncidentIdAndName(long incidentId, String name);
}
