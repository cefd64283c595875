package org.outagedesk.reports.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AppRoles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.outagedesk.impact.ImpactFilter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spreadsheet downloads. The files are written straight into the response as they are produced; access is checked by
 * the export services before the first byte (so a refusal is a 403 problem, not a broken file): the class admits
 * every role but tills, each export narrows it.
 */
@RestController
@PreAuthorize("hasAnyRole('" + AppRoles.AGENT + "','" + AppRoles.STORE_MANAGER + "','" + AppRoles.EXECUTIVE + "','"
        + AppRoles.INCIDENT_MANAGER + "')")
@Tag(name = "Exports", description = "XLSX and CSV files for retail managers and executives")
class ExportController {

    private final ImpactExport impactExport;
    private final RetailPackExport retailPack;
    private final CreditLedgerExport creditLedger;
    private final ImpactReportExport impactReport;
    private final NoticeDeliveryExport noticeDelivery;

    ExportController(ImpactExport impactExport, RetailPackExport retailPack, CreditLedgerExport creditLedger,
            ImpactReportExport impactReport, NoticeDeliveryExport noticeDelivery) {
        this.noticeDelivery = noticeDelivery;
        this.impactExport = impactExport;
        this.retailPack = retailPack;
        this.creditLedger = creditLedger;
        this.impactReport = impactReport;
    }

    @GetMapping("/api/exports/impact-report.xlsx")
    @Operation(summary = "Executive impact report of an incident as XLSX",
            description = "Sheet \"Summary\": the figures of GET /api/incidents/{id}/summary (subscribers by status"
                    + " and region, contacted share, credits issued/pending/reversed, total cost and split by reason,"
                    + " holds and acknowledgement compliance, violations, time to detect and to resolve) with a"
                    + " native bar chart of subscribers by status. Sheet \"Timeline\": every entry, internal and"
                    + " retracted ones marked, times in the incident's zone. Executives, incident managers.")
    void impactReportXlsx(@RequestParam long incidentId, HttpServletResponse response) throws IOException {
        start(response, ExportFormat.XLSX, impactReport.fileName(incidentId));
        impactReport.write(incidentId, response.getOutputStream());
        response.flushBuffer();
    }

    @GetMapping("/api/exports/credits.xlsx")
    @Operation(summary = "Credits ledger of an incident as XLSX: every credit and reversal with campaign and tier",
            description = "Incident managers, executives (agents are refused, as for the list of credits).")
    void creditsXlsx(@RequestParam long incidentId, HttpServletResponse response) throws IOException {
        start(response, ExportFormat.XLSX, creditLedger.fileName(incidentId));
        creditLedger.write(incidentId, response.getOutputStream());
        response.flushBuffer();
    }

    @GetMapping("/api/exports/notice-delivery.xlsx")
    @Operation(summary = "Delivery report of a customer notice as XLSX: every message with channel, recipient,"
            + " status, reason, attempts and times", description = "Incident managers.")
    void noticeDeliveryXlsx(@RequestParam long noticeId, HttpServletResponse response) throws IOException {
        start(response, ExportFormat.XLSX, noticeDelivery.fileName(noticeId));
        noticeDelivery.write(noticeId, response.getOutputStream());
        response.flushBuffer();
    }

    @GetMapping("/api/exports/retail-pack.xlsx")
    @Operation(summary = "Retail pack as XLSX: sale status, acknowledgements, customer guidance, violations",
            description = "For one store, a region, or all stores (neither given). Store managers: their own store"
                    + " only (another store or a region: 403), without violations. Incident managers, executives:"
                    + " any scope.")
    void retailPackXlsx(@RequestParam(required = false) String store, @RequestParam(required = false) String region,
            HttpServletResponse response) throws IOException {
        RetailPackExport.Scope scope = retailPack.scope(store, region);
        start(response, ExportFormat.XLSX, retailPack.fileName(scope));
        retailPack.write(scope, response.getOutputStream());
        response.flushBuffer();
    }

    @GetMapping("/api/exports/impacts.xlsx")
    @Operation(summary = "Affected subscribers of an incident as XLSX, with the list's filters",
            description = "Filters as on GET /api/incidents/{id}/impacts (status repeated or comma-separated,"
                    + " category, sku, region, store, contacted, q). More than 1,048,574 rows continue on a second"
                    + " sheet. Agents, incident managers, executives.")
    void impactsXlsx(@RequestParam long incidentId, @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) String category, @RequestParam(required = false) String sku,
            @RequestParam(required = false) String region, @RequestParam(required = false) String store,
            @RequestParam(required = false) Boolean contacted, @RequestParam(required = false) String q,
            HttpServletResponse response) throws IOException {
        impacts(incidentId, ImpactFilter.parse(status, category, sku, region, store, contacted, q), ExportFormat.XLSX, response);
    }

    @GetMapping("/api/exports/impacts.csv")
    @Operation(summary = "Affected subscribers of an incident as CSV (UTF-8 with BOM, RFC 4180)",
            description = "Same filters and roles as impacts.xlsx.")
    void impactsCsv(@RequestParam long incidentId, @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) String category, @RequestParam(required = false) String sku,
            @RequestParam(required = false) String region, @RequestParam(required = false) String store,
            @RequestParam(required = false) Boolean contacted, @RequestParam(required = false) String q,
            HttpServletResponse response) throws IOException {
        impacts(incidentId, ImpactFilter.parse(status, category, sku, region, store, contacted, q), ExportFormat.CSV, response);
    }

    private void impacts(long incidentId, ImpactFilter filter, ExportFormat format, HttpServletResponse response)
            throws IOException {
        String name = impactExport.fileName(incidentId, format); // checks the role and the incident first
        start(response, format, name);
        impactExport.write(incidentId, filter, format, response.getOutputStream());
        response.flushBuffer();
    }

    static void start(HttpServletResponse response, ExportFormat format, String fileName) {
        response.setContentType(format.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
