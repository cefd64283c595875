package org.outagedesk.holds;

import org.springframework.data.jpa.repository.JpaRepository;

interface SaleRepository extends JpaRepository<Sale, Long> {
}
