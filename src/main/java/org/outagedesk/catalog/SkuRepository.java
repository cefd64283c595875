package org.outagedesk.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SkuRepository extends JpaRepository<Sku, Long> {

    Optional<Sku> findByCode(String code);

    List<Sku> findByFamily(String family, Sort sort);

    @Query("select distinct s.family from Sku s order by s.family")
    List<String> findFamilies();
}
