package org.outagedesk.audit.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.outagedesk.audit.AuditEntry;
import org.outagedesk.audit.AuditFilter;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.base.api.PageResponse;
import org.outagedesk.base.api.Paging;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit trail")
@IncidentManagersOnly
class AuditController {

    record AuditLine(long id, Instant occurredAt, String actor, String action, String entityType,
            @Nullable String entityId, String summary) {

        static AuditLine of(AuditEntry e) {
            return new AuditLine(e.getId(), e.getOccurredAt(), e.getActor(), e.getAction(), e.getEntityType(),
                    e.getEntityId(), e.getSummary());
        }
    }

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "The audit trail, newest first; from (inclusive) and to (exclusive) are ISO-8601 instants")
    PageResponse<AuditLine> list(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String action, @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId, @RequestParam(required = false) String q,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        AuditFilter filter = new AuditFilter(actor, action, entityType, entityId, q, from, to);
        PageRequest request = Paging.of(page, size, 500,
                Sort.by(Sort.Direction.DESC, "occurredAt", "id"));
        return PageResponse.of(audit.find(filter, request), AuditLine::of);
    }
}
