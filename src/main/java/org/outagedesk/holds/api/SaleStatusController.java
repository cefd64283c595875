package org.outagedesk.holds.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.CsvImportException;
import org.outagedesk.base.LimitedUpload;
import org.outagedesk.holds.HoldService;
import org.outagedesk.holds.NewSale;
import org.outagedesk.holds.RecordedSale;
import org.outagedesk.holds.SaleStatusService;
import org.outagedesk.holds.SalesService;
import org.outagedesk.holds.SalesImportResult;
import org.outagedesk.holds.StoreHold;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/** The tills' endpoints: sale status and sales. And the store manager's own holds. */
@RestController
@Tag(name = "Sale status and sales", description = "What tills ask and report")
class SaleStatusController {

    // the service's rules, named once there
    private static final String ASKERS = SaleStatusService.ASKERS;
    private static final String REPORTERS = SalesService.REPORTERS;

    private final SaleStatusService sales;
    private final SalesService reports;
    private final HoldService holds;
    /** The largest sales file taken (a CSV field is held whole in memory while it is read): 413 past it. */
    private final DataSize maxSalesFile;

    SaleStatusController(SaleStatusService sales, SalesService reports, HoldService holds,
            @Value("${outagedesk.sales.max-file-size:10MB}") DataSize maxSalesFile) {
        this.maxSalesFile = maxSalesFile;
        this.reports = reports;
        this.sales = sales;
        this.holds = holds;
    }

    @GetMapping("/api/sale-status")
    @PreAuthorize(ASKERS)
    @Operation(summary = "May this SKU be sold now?", description = "sku and store: that SKU at that store; store "
            + "omitted: the ONLINE channel; sku omitted: every SKU (a list). Store managers may ask about their own "
            + "store only.")
    ResponseEntity<?> status(@RequestParam(required = false) @Nullable String sku,
            @RequestParam(required = false) @Nullable String store) {
        if (sku == null || sku.isBlank()) {
            return ResponseEntity.ok(sales.statusOfStore(store));
        }
        return ResponseEntity.ok(sales.status(sku.strip(), store));
    }

    @PostMapping("/api/sales")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(REPORTERS)
    @Operation(summary = "Report a sale", description = "{store, sku, quantity (default 1), soldAt (ISO-8601)}; "
            + "answers whether it broke a hold")
    RecordedSale record(@RequestBody NewSale sale) {
        return reports.recordSale(sale);
    }

    @PostMapping(value = "/api/sales/import", consumes = "text/csv")
    @PreAuthorize(REPORTERS)
    @Operation(summary = "Upload a daily sales file as the request body (text/csv)",
            description = "Columns store,sku,quantity,soldAt. All or nothing: 200 with {applied, imported, rejected,"
                    + " errors, errorsTruncated, violations}; a bad row refuses the file: 422 with the same report,"
                    + " every problem by line and field; a file over outagedesk.sales.max-file-size (10 MB): 413.")
    ResponseEntity<SalesImportResult> importCsv(HttpServletRequest request) throws IOException {
        try (Reader reader = new InputStreamReader(LimitedUpload.of(request.getInputStream(), maxSalesFile,
                "The sales file"), StandardCharsets.UTF_8)) {
            return report(() -> reports.importSales(reader, "The sales file"));
        }
    }

    /** The import's report: 200 when applied, 422 with every row at fault when the file was refused. */
    private static ResponseEntity<SalesImportResult> report(Supplier<SalesImportResult> run) {
        try {
            return ResponseEntity.ok(run.get());
        } catch (CsvImportException e) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                    .body(SalesImportResult.refused(e, e.errors().size() >= SalesService.MAX_ERRORS));
        }
    }

    @PostMapping(value = "/api/sales/import", consumes = "multipart/form-data")
    @PreAuthorize(REPORTERS)
    @Operation(summary = "Upload a daily sales file as a form field named file")
    ResponseEntity<SalesImportResult> importMultipart(@RequestPart("file") MultipartFile file) throws IOException {
        try (Reader reader = new InputStreamReader(LimitedUpload.of(file.getInputStream(), maxSalesFile,
                "The sales file"), StandardCharsets.UTF_8)) {
            return report(() -> reports.importSales(reader, file.getOriginalFilename() == null ? "The sales file"
                    : file.getOriginalFilename()));
        }
    }

    @GetMapping("/api/my-store/holds")
    @PreAuthorize(HoldService.STORE_MANAGERS)
    @Operation(summary = "The scheduled and active holds that reach the signed-in store manager's store",
            tags = "Stop-sales")
    List<StoreHold> myHolds() {
        return holds.holdsOfMyStore();
    }
}
