package org.outagedesk.impact.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.outagedesk.base.AppRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.NotFoundException;
import org.outagedesk.base.api.PageResponse;
import org.outagedesk.base.api.Paging;
import org.outagedesk.impact.BulkCountChangedException;
import org.outagedesk.impact.DataCategory;
import org.outagedesk.impact.DataLossStatus;
import org.outagedesk.impact.ImpactCounts;
import org.outagedesk.impact.ImpactFilter;
import org.outagedesk.impact.ImpactRow;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.impact.ImportJobStatus;
import org.outagedesk.impact.ImportMode;
import org.outagedesk.impact.ImportResult;
import org.outagedesk.impact.SubscriberDetails;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.multipart.MultipartFile;

/** Affected subscribers on the API. Access is checked by {@link ImpactService} (agents, incident managers, executives). */
@RestController
@PreAuthorize("hasAnyRole('" + AppRoles.AGENT + "','" + AppRoles.INCIDENT_MANAGER + "','" + AppRoles.EXECUTIVE + "')")
@Tag(name = "Affected subscribers", description = "Data-loss status of subscribers per incident: list, counts,"
        + " detail, changes, bulk changes and CSV import")
class ImpactController {

    private static final int MAX_PAGE_SIZE = 500;

    private final ImpactService impacts;

    ImpactController(ImpactService impacts) {
        this.impacts = impacts;
    }

    /** The filter fields of the list, as query parameters or in the body of a bulk change. */
    record FilterRequest(
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable List<String> status, @Nullable String category, @Nullable String sku,
            @Nullable String region, @Nullable String store, @Nullable Boolean contacted, @Nullable String q) {

        ImpactFilter toFilter() {
            return ImpactFilter.parse(status, category, sku, region, store, contacted, q);
        }
    }

    record ImpactChange(@Nullable DataLossStatus status, @Nullable Set<DataCategory> categories,
            @Nullable String reason) {
    }

    record BulkChange(@Nullable FilterRequest filter, @Nullable DataLossStatus newStatus, @Nullable String reason,
            @Nullable Long expectedCount) {
    }

    record BulkPreview(@Nullable FilterRequest filter, @Nullable DataLossStatus newStatus) {
    }

    record Changed(long changed) {
    }

    record ToChange(long count) {
    }

    @GetMapping("/api/incidents/{id}/impacts")
    @Operation(summary = "Affected subscribers of an incident, filtered, sorted and paged",
            description = "status may be repeated or comma-separated; sort is property[,asc|desc] with property one"
                    + " of msisdn, name, account, sku, store, region, status, lastContactedAt; size at most 500")
    PageResponse<ImpactRow> list(@PathVariable long id, @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) String category, @RequestParam(required = false) String sku,
            @RequestParam(required = false) String region, @RequestParam(required = false) String store,
            @RequestParam(required = false) Boolean contacted, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) List<String> sort) {
        ImpactFilter filter = new FilterRequest(status, category, sku, region, store, contacted, q).toFilter();
        return PageResponse.of(impacts.find(id, filter, Paging.of(page, size, MAX_PAGE_SIZE, sort(sort))), r -> r);
    }

    @GetMapping("/api/incidents/{id}/impacts/counts")
    @Operation(summary = "Counts per data-loss status and per data category (with the list's filters, if given)")
    ImpactCounts counts(@PathVariable long id, @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) String category, @RequestParam(required = false) String sku,
            @RequestParam(required = false) String region, @RequestParam(required = false) String store,
            @RequestParam(required = false) Boolean contacted, @RequestParam(required = false) String q) {
        return impacts.counts(id, new FilterRequest(status, category, sku, region, store, contacted, q).toFilter());
    }

    @GetMapping("/api/subscribers/{msisdn}")
    @Operation(summary = "A subscriber with its impacts, each with its status history and contact log")
    SubscriberDetails subscriber(@PathVariable String msisdn) {
        return impacts.subscriber(msisdn);
    }

    @PatchMapping("/api/incidents/{id}/impacts/{msisdn}")
    @Operation(summary = "Change one subscriber's status (a reason is required when it changes) and/or data"
            + " categories", description = "Either may be left out: without status the status stays, without"
            + " categories the categories stay.")
    SubscriberDetails change(@PathVariable long id, @PathVariable String msisdn, @RequestBody ImpactChange change) {
        if (change.status() == null && change.categories() == null) {
            throw new DomainException("status", "Send a new status, new categories, or both");
        }
        impacts.changeStatus(id, msisdn, change.status(), change.categories(), change.reason());
        return impacts.subscriber(msisdn);
    }

    @PostMapping("/api/incidents/{id}/impacts/bulk-status/preview")
    @Operation(summary = "How many subscribers a bulk status change would change; send it as expectedCount")
    ToChange preview(@PathVariable long id, @RequestBody BulkPreview request) {
        if (request.newStatus() == null) {
            throw new DomainException("newStatus", "newStatus is required");
        }
        return new ToChange(impacts.previewBulkChange(id, filter(request.filter()), request.newStatus()));
    }

    @PostMapping("/api/incidents/{id}/impacts/bulk-status")
    @Operation(summary = "Set one status on every subscriber the filter selects",
            description = "expectedCount must equal the number that would change (see the preview); otherwise 409"
                    + " with currentCount. One history entry per subscriber and one timeline entry.")
    Changed bulk(@PathVariable long id, @RequestBody BulkChange request) {
        if (request.expectedCount() == null) {
            throw new DomainException("expectedCount", "expectedCount is required: the number you saw in the preview");
        }
        return new Changed(impacts.bulkChangeStatus(id, filter(request.filter()), request.newStatus(),
                request.reason(), request.expectedCount()));
    }

    @PostMapping(path = "/api/incidents/{id}/impacts/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import affected subscribers from CSV (msisdn,account,name,sku,store,data_plan,status,"
            + "categories,last_sync)", description = "200 when imported; 422 with every rejected row when nothing"
                    + " was imported (all-or-nothing and a bad row, or a bad file)")
    ResponseEntity<ImportResult> importCsv(@PathVariable long id, @RequestPart("file") MultipartFile file,
            @Parameter(description = "all-or-nothing (default) or valid-rows")
            @RequestParam(required = false) String mode) throws IOException {
        ImportMode parsedMode = ImportMode.parse(mode);
        String name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
        try (InputStream in = file.getInputStream()) {
            ImportResult result = impacts.importCsv(id, in, file.getSize(), name, parsedMode);
            return ResponseEntity.status(result.applied() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
                    .body(result);
        }
    }

    @GetMapping("/api/incidents/{id}/impacts/import")
    @Operation(summary = "The incident's running or last import (incident managers), from any node",
            description = "phase CHECKING or MERGING while it runs (progress 0..1 and rowsRead), then DONE with its"
                    + " result (as the import's own answer) or FAILED with why; 404 when the incident has had none")
    ImportJobStatus latestImport(@PathVariable long id) {
        return impacts.latestImport(id).orElseThrow(() -> new NotFoundException("An import", "into incident " + id));
    }

    @ExceptionHandler(BulkCountChangedException.class)
    ResponseEntity<ProblemDetail> countChanged(BulkCountChangedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Conflict");
        problem.setProperty("currentCount", e.currentCount());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    private static ImpactFilter filter(@Nullable FilterRequest request) {
        return request == null ? ImpactFilter.all() : request.toFilter();
    }

    private static Sort sort(@Nullable List<String> sort) {
        if (sort == null || sort.isEmpty()) {
            return Sort.unsorted(); // the import order, which pages fastest at a million rows
        }
        // "name,desc" arrives as one value, or as two ("name", "desc") when Spring splits on the comma
        List<Sort.Order> orders = new ArrayList<>();
        for (int i = 0; i < sort.size(); i++) {
            String property = sort.get(i).strip();
            String[] parts = property.split(",");
            Sort.Direction direction = Sort.Direction.ASC;
            if (parts.length == 2 && isDirection(parts[1])) {
                property = parts[0];
                direction = Paging.direction(parts[1]);
            } else if (parts.length > 1) {
                throw new DomainException("sort", "sort is property[,asc|desc], e.g. name,desc");
            } else if (i + 1 < sort.size() && isDirection(sort.get(i + 1))) {
                direction = Sort.Direction.fromString(sort.get(++i).strip());
            }
            orders.add(new Sort.Order(direction, property));
        }
        return Sort.by(orders);
    }

    private static boolean isDirection(String s) {
        return s.strip().equalsIgnoreCase("asc") || s.strip().equalsIgnoreCase("desc");
    }
}
