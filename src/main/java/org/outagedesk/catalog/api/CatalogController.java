package org.outagedesk.catalog.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.base.api.PageResponse;
import org.outagedesk.base.api.Paging;
import org.outagedesk.catalog.CatalogImportMode;
import org.outagedesk.catalog.CatalogImportResult;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.InvalidCatalogEntry;
import org.outagedesk.catalog.Region;
import org.outagedesk.catalog.RegionDetails;
import org.outagedesk.catalog.Sku;
import org.outagedesk.catalog.SkuDetails;
import org.outagedesk.catalog.Store;
import org.outagedesk.catalog.StoreDetails;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The catalog: every person signed in reads it (tills only ask sale status and report sales); incident managers
 * change it (the service checks the role again). The CSV exports are in {@code reports.export}.
 */
@RestController
@Tag(name = "Catalog", description = "SKUs, stores and regions")
@PreAuthorize("hasAnyRole('" + AppRoles.INCIDENT_MANAGER + "','" + AppRoles.EXECUTIVE + "','" + AppRoles.AGENT
        + "','" + AppRoles.STORE_MANAGER + "')")
class CatalogController {


    record SkuLine(String code, String model, String colour, String family) {

        static SkuLine of(Sku s) {
            return new SkuLine(s.getCode(), s.getModel(), s.getColour(), s.getFamily());
        }
    }

    record StoreLine(String code, String name, String region, String city, String type, @Nullable String email,
            String zone, boolean closed, @Nullable Instant closedAt) {

        static StoreLine of(Store s) {
            return new StoreLine(s.getCode(), s.getName(), s.getRegion(), s.getCity(), s.getType().name(),
                    s.getEmail(), s.getZone().getId(), s.isClosed(), s.getClosedAt());
        }
    }

    record RegionLine(String name, String zone, @Nullable String escalationName, @Nullable String escalationEmail) {

        static RegionLine of(Region r) {
            return new RegionLine(r.getName(), r.getZone().getId(), r.getEscalationName(), r.getEscalationEmail());
        }
    }

    private final CatalogService catalog;

    CatalogController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/skus")
    @Operation(summary = "Every SKU (tens of them), by family and model")
    List<SkuLine> skus() {
        return catalog.skus().stream().map(SkuLine::of).toList();
    }

    @GetMapping("/api/stores")
    @Operation(summary = "Stores by code, optionally of one region or matching a text (code, name, city)")
    PageResponse<StoreLine> stores(@RequestParam(required = false) String region,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return PageResponse.of(catalog.findStores(q, region, Paging.of(page, size, 1000, Sort.by("code"))), StoreLine::of);
    }

    @GetMapping("/api/stores/{code}")
    @Operation(summary = "One store")
    StoreLine store(@PathVariable String code) {
        return StoreLine.of(catalog.getStore(code));
    }

    @GetMapping("/api/regions")
    @Operation(summary = "Every region with its time zone and escalation contact, by name")
    List<RegionLine> regions() {
        return catalog.regionList().stream().map(RegionLine::of).toList();
    }

    @PostMapping("/api/skus")
    @ResponseStatus(HttpStatus.CREATED)
    @IncidentManagersOnly
    @Operation(summary = "Add a SKU", description = "{code, model, colour, family}; every problem by field (400)")
    SkuLine addSku(@RequestBody SkuDetails sku) {
        return SkuLine.of(catalog.addSku(sku));
    }

    @PutMapping("/api/skus/{code}")
    @IncidentManagersOnly
    @Operation(summary = "Change a SKU's model, colour or family; the code never changes")
    SkuLine editSku(@PathVariable String code, @RequestBody SkuDetails sku) {
        return SkuLine.of(catalog.editSku(code, sku));
    }

    @PostMapping("/api/stores")
    @ResponseStatus(HttpStatus.CREATED)
    @IncidentManagersOnly
    @Operation(summary = "Add a store", description = "{code, name, region, city, type: COMPANY|DEALER, email, zone}"
            + "; zone omitted: the region's; every problem by field (400)")
    StoreLine addStore(@RequestBody StoreDetails store) {
        return StoreLine.of(catalog.addStore(store));
    }

    @PutMapping("/api/stores/{code}")
    @IncidentManagersOnly
    @Operation(summary = "Change a store; the code never changes")
    StoreLine editStore(@PathVariable String code, @RequestBody StoreDetails store) {
        return StoreLine.of(catalog.editStore(code, store));
    }

    @PostMapping("/api/stores/{code}/close")
    @IncidentManagersOnly
    @Operation(summary = "Close a store", description = "It keeps its history, receives no hold placed from now on,"
            + " and its tills are answered sellable:false, reason \"store closed\". Closing twice changes nothing.")
    StoreLine closeStore(@PathVariable String code) {
        return StoreLine.of(catalog.closeStore(code));
    }

    @PostMapping(path = "/api/skus/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @IncidentManagersOnly
    @Operation(summary = "Import SKUs from CSV (code,model,colour,family)", description = IMPORT_RULES)
    ResponseEntity<CatalogImportResult> importSkus(@RequestPart("file") MultipartFile file,
            @Parameter(description = "all-or-nothing (default) or valid-rows")
            @RequestParam(required = false) String mode) throws IOException {
        CatalogImportMode m = CatalogImportMode.parse(mode);
        try (InputStream in = file.getInputStream()) {
            return answer(catalog.importSkus(in, name(file), m));
        }
    }

    @PostMapping(path = "/api/stores/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @IncidentManagersOnly
    @Operation(summary = "Import stores from CSV (code,name,region,city,type,email,zone,closed)",
            description = IMPORT_RULES + " email, zone and closed may be left out (zone: the region's).")
    ResponseEntity<CatalogImportResult> importStores(@RequestPart("file") MultipartFile file,
            @Parameter(description = "all-or-nothing (default) or valid-rows")
            @RequestParam(required = false) String mode) throws IOException {
        CatalogImportMode m = CatalogImportMode.parse(mode);
        try (InputStream in = file.getInputStream()) {
            return answer(catalog.importStores(in, name(file), m));
        }
    }

    @PostMapping(path = "/api/regions/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @IncidentManagersOnly
    @Operation(summary = "Import regions from CSV (name,zone,escalation_name,escalation_email)",
            description = IMPORT_RULES)
    ResponseEntity<CatalogImportResult> importRegions(@RequestPart("file") MultipartFile file,
            @Parameter(description = "all-or-nothing (default) or valid-rows")
            @RequestParam(required = false) String mode) throws IOException {
        CatalogImportMode m = CatalogImportMode.parse(mode);
        try (InputStream in = file.getInputStream()) {
            return answer(catalog.importRegions(in, name(file), m));
        }
    }

    private static final String IMPORT_RULES = "UTF-8 (a BOM is tolerated), header row; re-import updates by code."
            + " 200 when applied; 422 with every rejected row (line, field, message) when nothing was applied"
            + " (all-or-nothing and a bad row, or a bad file).";

    private static ResponseEntity<CatalogImportResult> answer(CatalogImportResult result) {
        return ResponseEntity.status(result.applied() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
                .body(result);
    }

    private static String name(MultipartFile file) {
        String name = file.getOriginalFilename();
        return name == null || name.isBlank() ? "upload.csv" : name;
    }

    @ExceptionHandler(InvalidCatalogEntry.class)
    ResponseEntity<ProblemDetail> invalid(InvalidCatalogEntry e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("fields", e.fields());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
