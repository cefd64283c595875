package org.outagedesk.outbox.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.api.PageResponse;
import org.outagedesk.outbox.OptOut;
import org.outagedesk.outbox.OutboxService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The numbers that are not texted (replied STOP, or recorded here). Incident managers and agents. */
@RestController
@PreAuthorize("isAuthenticated()")
@Tag(name = "SMS opt-outs", description = "Numbers that replied STOP or asked not to be texted")
class OptOutController {

    private final OutboxService outbox;

    OptOutController(OutboxService outbox) {
        this.outbox = outbox;
    }

    record OptOutRequest(@Nullable String msisdn) {
    }

    @GetMapping("/api/opt-outs")
    @Operation(summary = "The opt-out list, newest first (incident managers, agents)")
    PageResponse<OptOut> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || page > 1_000_000) {
            throw new DomainException("page", "page is from 0 to 1,000,000");
        }
        if (size < 1 || size > 500) {
            throw new DomainException("size", "size is from 1 to 500");
        }
        List<OptOut> content = outbox.optOuts(page, size);
        long total = outbox.optOutCount();
        return new PageResponse<>(content, page, size, total, (int) ((total + size - 1) / size));
    }

    @PostMapping("/api/opt-outs")
    @Operation(summary = "Stop texting a number; its queued texts are skipped when their turn comes (incident managers, agents)")
    ResponseEntity<Map<String, Object>> add(@RequestBody OptOutRequest body) {
        boolean added = outbox.optOut(body.msisdn());
        return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK).body(Map.of("optedOut", true,
                "new", added));
    }
}
