package org.outagedesk.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Append-only by construction: the repository offers no update and no delete. */
interface AuditEntryRepository extends Repository<AuditEntry, Long>, JpaSpecificationExecutor<AuditEntry> {

    AuditEntry save(AuditEntry entry);

    @Query("select distinct a.action from AuditEntry a order by a.action")
    List<String> findActions();

    @Query("select distinct a.entityType from AuditEntry a order by a.entityType")
    List<String> findEntityTypes();
}
