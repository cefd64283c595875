package org.outagedesk.reports.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.outagedesk.base.AppRoles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalog's files: the CSV columns of its imports, so that a file exported and imported again changes nothing. */
@RestController
@PreAuthorize("hasAnyRole('" + AppRoles.AGENT + "','" + AppRoles.STORE_MANAGER + "','" + AppRoles.EXECUTIVE + "','"
        + AppRoles.INCIDENT_MANAGER + "')")
@Tag(name = "Catalog", description = "SKUs, stores and regions")
class CatalogExportController {

    private final CatalogExport export;

    CatalogExportController(CatalogExport export) {
        this.export = export;
    }

    @GetMapping("/api/skus.csv")
    @Operation(summary = "Every SKU as CSV (code,model,colour,family), ready to import again")
    void skusCsv(HttpServletResponse response) throws IOException {
        ExportController.start(response, ExportFormat.CSV, export.fileName("skus", ExportFormat.CSV));
        export.skusCsv(response.getOutputStream());
        response.flushBuffer();
    }

    @GetMapping("/api/stores.csv")
    @Operation(summary = "Every store as CSV (code,name,region,city,type,email,zone,closed), ready to import again")
    void storesCsv(HttpServletResponse response) throws IOException {
        ExportController.start(response, ExportFormat.CSV, export.fileName("stores", ExportFormat.CSV));
        export.storesCsv(response.getOutputStream());
        response.flushBuffer();
    }

    @GetMapping("/api/regions.csv")
    @Operation(summary = "Every region as CSV (name,zone,escalation_name,escalation_email), ready to import again")
    void regionsCsv(HttpServletResponse response) throws IOException {
        ExportController.start(response, ExportFormat.CSV, export.fileName("regions", ExportFormat.CSV));
        export.regionsCsv(response.getOutputStream());
        response.flushBuffer();
    }

    @GetMapping("/api/exports/catalog.xlsx")
    @Operation(summary = "The catalog as XLSX: sheets SKUs, Stores and Regions in the columns of the CSV imports")
    void catalogXlsx(HttpServletResponse response) throws IOException {
        ExportController.start(response, ExportFormat.XLSX, export.fileName("catalog", ExportFormat.XLSX));
        export.xlsx(response.getOutputStream());
        response.flushBuffer();
    }
}
