package org.outagedesk.reports.export;

import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.Region;
import org.outagedesk.catalog.Sku;
import org.outagedesk.catalog.Store;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalog as files, in exactly the columns its CSV imports read ({@link CatalogService#SKU_COLUMNS} and the
 * others), so that an export imported again changes nothing: {@code skus.csv}, {@code stores.csv} and one workbook
 * with a sheet each for SKUs, stores and regions. Formula-like text is neutralised (and the import takes the quote
 * off again). Everyone who reads the catalog; audited.
 */
@Service
public class CatalogExport {

    static final String READERS = "hasAnyRole('" + AppRoles.AGENT + "','" + AppRoles.STORE_MANAGER + "','"
            + AppRoles.EXECUTIVE + "','" + AppRoles.INCIDENT_MANAGER + "')";

    private final CatalogService catalog;
    private final AuditService audit;
    private final Clock clock;
    private final TransactionTemplate writeTx;
    private final TransactionTemplate readTx;

    CatalogExport(CatalogService catalog, AuditService audit, Clock clock, PlatformTransactionManager transactions) {
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
        this.writeTx = new TransactionTemplate(transactions);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
    }

    /** "catalog-2026-11-29.xlsx", "skus-2026-11-29.csv" (the date in UTC: the catalog has no zone of its own). */
    @PreAuthorize(READERS)
    public String fileName(String what, ExportFormat format) {
        return what + "-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + "." + format.extension();
    }

    @PreAuthorize(READERS)
    public void skusCsv(OutputStream out) {
        audited("SKUs as CSV");
        readTx.executeWithoutResult(s -> {
            try (CsvTable t = new CsvTable(out, columns(CatalogService.SKU_COLUMNS), ZoneOffset.UTC)) {
                writeSkus(t);
            }
        });
    }

    @PreAuthorize(READERS)
    public void storesCsv(OutputStream out) {
        audited("stores as CSV");
        readTx.executeWithoutResult(s -> {
            try (CsvTable t = new CsvTable(out, columns(CatalogService.STORE_COLUMNS), ZoneOffset.UTC)) {
                writeStores(t);
            }
        });
    }

    @PreAuthorize(READERS)
    public void xlsx(OutputStream out) {
        audited("SKUs, stores and regions as XLSX");
        readTx.executeWithoutResult(s -> {
            try (XlsxReport x = new XlsxReport("Catalog: SKUs, stores and regions",
                    "everything (the columns the catalog imports read)", CurrentActor.username(), clock.instant(),
                    ZoneOffset.UTC)) {
                writeSkus(x.table("SKUs", columns(CatalogService.SKU_COLUMNS)));
                writeStores(x.table("Stores", columns(CatalogService.STORE_COLUMNS)));
                TableWriter regions = x.table("Regions", columns(CatalogService.REGION_COLUMNS));
                for (Region r : catalog.regionList()) {
                    regions.row(r.getName(), r.getZone().getId(), r.getEscalationName(), r.getEscalationEmail());
                }
                x.write(out);
            }
        });
    }

    /** The regions as CSV (the regions import's columns). */
    @PreAuthorize(READERS)
    public void regionsCsv(OutputStream out) {
        audited("regions as CSV");
        readTx.executeWithoutResult(s -> {
            try (CsvTable t = new CsvTable(out, columns(CatalogService.REGION_COLUMNS), ZoneOffset.UTC)) {
                for (Region r : catalog.regionList()) {
                    t.row(r.getName(), r.getZone().getId(), r.getEscalationName(), r.getEscalationEmail());
                }
            }
        });
    }

    private void writeSkus(TableWriter t) {
        for (Sku s : catalog.skus()) {
            t.row(s.getCode(), s.getModel(), s.getColour(), s.getFamily());
        }
    }

    private void writeStores(TableWriter t) {
        catalog.forEachStore((Store s) -> t.row(s.getCode(), s.getName(), s.getRegion(), s.getCity(),
                s.getType().name(), s.getEmail(), s.getZone().getId(), s.isClosed() ? "true" : "false"));
    }

    private void audited(String what) {
        writeTx.executeWithoutResult(s -> audit.record("CATALOG_EXPORTED", "Catalog", null, "Catalog: " + what));
    }

    private static List<Column> columns(List<String> names) {
        return names.stream().map(n -> Column.text(n, n.equals("name") || n.endsWith("email") ? 36 : 18)).toList();
    }
}
