package org.outagedesk.holds.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.base.api.PageResponse;
import org.outagedesk.base.api.Paging;
import org.outagedesk.holds.AcknowledgementProgress;
import org.outagedesk.holds.HoldService.AckState;
import org.outagedesk.holds.HoldService;
import org.outagedesk.holds.HoldStatus;
import org.outagedesk.holds.HoldSummary;
import org.outagedesk.holds.NewHold;
import org.outagedesk.holds.SalesService;
import org.outagedesk.holds.SaleViolation;
import org.outagedesk.holds.StoreAcknowledgementRow;
import org.outagedesk.holds.StoreHold;
import org.outagedesk.holds.ViolationFilter;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/holds")
@Tag(name = "Stop-sales", description = "Holds on SKUs by channel, region and store; store acknowledgements; "
        + "violations")
class HoldController {

    private static final String READERS = "hasAnyRole('" + AppRoles.INCIDENT_MANAGER + "','" + AppRoles.EXECUTIVE
            + "','" + AppRoles.AGENT + "')";

    record LiftRequest(@Nullable String reason) {
    }

    record Acknowledgements(AcknowledgementProgress progress, PageResponse<StoreLine> stores) {
    }

    record StoreLine(String store, String name, String region, String type, String state,
            @Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy) {
    }

    record Violation(long id, long saleId, long holdId, long incidentId, String store, String storeName, String region,
            String sku, int quantity, Instant soldAt, String holdReason) {

        static Violation of(SaleViolation v) {
            return new Violation(v.getId(), v.getSaleId(), v.getHoldId(), v.getIncidentId(), v.getStoreCode(),
                    v.getStoreName(), v.getRegion(), v.getSkuCode(), v.getQuantity(), v.getSoldAt(),
                    v.getHoldReason());
        }
    }

    private final HoldService holds;
    private final SalesService sales;

    HoldController(HoldService holds, SalesService sales) {
        this.holds = holds;
        this.sales = sales;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @IncidentManagersOnly
    @Operation(summary = "Place a hold (incident managers)", description = "Either skus or family; channels ONLINE, "
            + "RETAIL, DEALER; regions/stores narrow the store channels (empty: everywhere); effectiveFrom defaults "
            + "to now; ackDeadlineHours defaults to 24. Answers the hold with its status and storeCount.")
    HoldSummary place(@RequestBody NewHold request) {
        return holds.place(request);
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "Holds, newest first, optionally by status (SCHEDULED, ACTIVE, LIFTED, EXPIRED) and incident")
    PageResponse<HoldSummary> list(@RequestParam(required = false) HoldStatus status,
            @RequestParam(required = false) Long incidentId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return PageResponse.of(holds.find(status, incidentId, Paging.of(page, size, 500, Sort.by(Sort.Direction.DESC, "placedAt", "id"))), h -> h);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "One hold")
    HoldSummary get(@PathVariable long id) {
        return holds.get(id);
    }

    @PostMapping("/{id}/lift")
    @IncidentManagersOnly
    @Operation(summary = "Lift a hold (incident managers); a reason is required")
    HoldSummary lift(@PathVariable long id, @RequestBody(required = false) @Nullable LiftRequest request) {
        return holds.lift(id, request == null ? null : request.reason());
    }

    @PostMapping("/{id}/acknowledgements")
    @PreAuthorize(HoldService.STORE_MANAGERS)
    @Operation(summary = "Acknowledge a hold for the signed-in store manager's own store",
            description = "The store is never taken from the request. Acknowledging twice keeps the first.")
    StoreHold acknowledge(@PathVariable long id) {
        return holds.acknowledge(id);
    }

    @GetMapping("/{id}/acknowledgements")
    @PreAuthorize(READERS)
    @Operation(summary = "Acknowledgement progress of a hold (totals and by region) and its stores",
            description = "state: ALL, ACKNOWLEDGED, PENDING (deadline not passed) or OVERDUE (the stores to chase)")
    Acknowledgements acknowledgements(@PathVariable long id, @RequestParam(defaultValue = "ALL") AckState state,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        HoldSummary hold = holds.get(id);
        var rows = holds.stores(id, state, Paging.of(page, size, 1000,
                Sort.by("region", "code")));
        return new Acknowledgements(holds.progress(id), PageResponse.of(rows, (StoreAcknowledgementRow r) ->
                new StoreLine(r.storeCode(), r.storeName(), r.region(), r.storeType().name(),
                        holds.stateOf(hold, r).name(), r.acknowledgedAt(), r.acknowledgedBy())));
    }

    @GetMapping("/violations")
    @PreAuthorize(SalesService.VIOLATION_READERS)
    @Operation(summary = "Sales made while a hold applied, newest first (incident managers and executives)")
    PageResponse<Violation> violations(@RequestParam(required = false) Long incidentId,
            @RequestParam(required = false) Long holdId, @RequestParam(required = false) String region,
            @RequestParam(required = false) String store, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return PageResponse.of(sales.violations(new ViolationFilter(incidentId, holdId, region, store),
                Paging.of(page, size, 1000,
                        Sort.by(Sort.Direction.DESC, "soldAt", "id"))), Violation::of);
    }

}
