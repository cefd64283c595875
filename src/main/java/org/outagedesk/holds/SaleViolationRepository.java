package org.outagedesk.holds;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface SaleViolationRepository extends JpaRepository<SaleViolation, Long>, JpaSpecificationExecutor<SaleViolation> {

    List<SaleViolation> findBySaleId(long saleId);
}
