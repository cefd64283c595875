package org.outagedesk.reports.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.reports.export.ExportTestSupport.download;
import static org.outagedesk.reports.export.ExportTestSupport.workbook;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outagedesk.IntegrationTest;
import org.outagedesk.audit.AuditFilter;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.SystemActor;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.holds.SaleStatus;
import org.outagedesk.holds.SaleStatusService;
import org.outagedesk.holds.SalesService;
import org.outagedesk.holds.ViolationFilter;
import org.outagedesk.incident.TimelineService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class RetailPackExportTest {

    @LocalServerPort
    int port;
    @Autowired
    SaleStatusService saleStatus;
    @Autowired
    SalesService sales;
    @Autowired
    TimelineService timeline;
    @Autowired
    CatalogService catalog;
    @Autowired
    AuditService audit;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_store_managers_pack_is_their_own_stores_sale_status_matching_the_service() {
        HttpResponse<byte[]> r = download(port, "store", "/api/exports/retail-pack.xlsx");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("retail-pack-D-NY-UWS-01-", ".xlsx");
        XSSFWorkbook wb = workbook(r);
        assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)))
                .containsExactly("Sale status", "Acknowledgements", "Customer guidance", "Violations");
        XSSFSheet sale = wb.getSheet("Sale status");
        assertThat(cells(sale.getRow(1))).startsWith("SKU", "Model", "Store", "Store name", "Region", "Channel",
                "Status").anySatisfy(h -> assertThat(h).startsWith("On hold since ("));
        List<SaleStatus> expected = SystemActor.call(() -> saleStatus.statusOfStore("D-NY-UWS-01"));
        assertThat(sale.getLastRowNum() - 1).isEqualTo(expected.size())
                .isEqualTo(jdbc.queryForObject("select count(*) from sku", Integer.class));
        int onHold = 0;
        for (int i = 2; i <= sale.getLastRowNum(); i++) {
            Row row = sale.getRow(i);
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("D-NY-UWS-01");
            SaleStatus e = expected.get(i - 2);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(e.sku());
            assertThat(row.getCell(6).getStringCellValue()).isEqualTo(e.sellable() ? "Sellable" : "On hold");
            if (!e.sellable()) {
                onHold++;
                assertThat(DateUtil.isCellDateFormatted(row.getCell(7))).isTrue();
                assertThat(row.getCell(8).getStringCellValue()).isNotBlank();
            }
        }
        assertThat(onHold).as("the sample Sidekick hold reaches the Upper West Side dealer").isPositive();
        // known facts of the 2009 sample, whatever the sale-status service says: the dealers' hold covers every
        // Sidekick (family SIDEKICK, channel DEALER), and the dealer may sell the other phones
        Set<String> sidekicks = new HashSet<>(jdbc.queryForList(
                "select code from sku where family = 'SIDEKICK'", String.class));
        Set<String> heldInPack = new HashSet<>();
        Set<String> sellableInPack = new HashSet<>();
        for (int i = 2; i <= sale.getLastRowNum(); i++) {
            Row row = sale.getRow(i);
            (row.getCell(6).getStringCellValue().equals("On hold") ? heldInPack : sellableInPack)
                    .add(row.getCell(0).getStringCellValue());
        }
        assertThat(sidekicks).isNotEmpty();
        assertThat(heldInPack).as("every Sidekick is on hold at the dealer").containsAll(sidekicks);
        assertThat(sellableInPack).as("a BlackBerry is sellable at the dealer").contains("BB8900-TIT");
        XSSFSheet acks = wb.getSheet("Acknowledgements");
        for (int i = 2; i <= acks.getLastRowNum(); i++) {
            assertThat(acks.getRow(i).getCell(2).getStringCellValue()).isEqualTo("D-NY-UWS-01");
        }
        XSSFSheet violations = wb.getSheet("Violations");
        long own = SystemActor.call(() -> sales.countViolations(
                new ViolationFilter(null, null, null, "D-NY-UWS-01")));
        assertThat(own).as("the sample dealer sold Sidekicks during the hold").isPositive();
        assertThat(violations.getLastRowNum() - 1).as("the store sees its own violations").isEqualTo(own);
        for (int i = 2; i <= violations.getLastRowNum(); i++) {
            assertThat(violations.getRow(i).getCell(1).getStringCellValue()).as("only its own store's")
                    .isEqualTo("D-NY-UWS-01");
        }
    }

    @Test
    void the_store_managers_export_is_recorded_in_the_audit_trail() {
        long before = auditedPacks();
        download(port, "store", "/api/exports/retail-pack.xlsx");
        assertThat(auditedPacks()).isEqualTo(before + 1);
    }

    private long auditedPacks() {
        return SystemActor.call(() -> audit.find(new AuditFilter("store", "RETAIL_PACK_EXPORTED", null,
                "D-NY-UWS-01", null, null, null), PageRequest.of(0, 1))).getTotalElements();
    }

    @Test
    void a_store_manager_cannot_get_another_stores_or_a_regions_pack() {
        assertThat(download(port, "store", "/api/exports/retail-pack.xlsx?store=C-WA-SEA-01").statusCode())
                .isEqualTo(403);
        assertThat(download(port, "store", "/api/exports/retail-pack.xlsx?region=West").statusCode())
                .isEqualTo(403);
        assertThat(download(port, "store", "/api/exports/retail-pack.xlsx?store=D-NY-UWS-01").statusCode())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"agent", "till"})
    void agents_and_tills_get_no_retail_pack(String user) {
        assertThat(download(port, user, "/api/exports/retail-pack.xlsx").statusCode()).isEqualTo(403);
    }

    @Test
    void an_executives_pack_of_a_region_has_every_store_guidance_and_violations_as_the_services_say() {
        String region = SystemActor.call(() -> catalog.getStore("D-NY-UWS-01")).getRegion();
        // counted in SQL, not by the services the export calls
        long stores = jdbc.queryForObject("select count(*) from store where region = ?", Long.class, region);
        XSSFWorkbook wb = workbook(download(port, "exec", "/api/exports/retail-pack.xlsx?region="
                + region.replace(" ", "%20")));
        long skus = jdbc.queryForObject("select count(*) from sku", Long.class);
        assertThat(wb.getSheet("Sale status").getLastRowNum() - 1).isEqualTo(stores * skus);

        XSSFSheet guidance = wb.getSheet("Customer guidance");
        long notices = SystemActor.call(() -> timeline.retailGuidance()).stream()
                .mapToLong(b -> b.guidance().size() + b.updates().size()).sum();
        assertThat(guidance.getLastRowNum() - 1).isEqualTo(notices);

        XSSFSheet violations = wb.getSheet("Violations");
        long expected = jdbc.queryForObject("select count(*) from sale_violation where region = ?", Long.class,
                region);
        assertThat(violations.getLastRowNum() - 1).isEqualTo(expected);
        if (expected > 0) {
            Row first = violations.getRow(2);
            assertThat(DateUtil.isCellDateFormatted(first.getCell(0))).isTrue();
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo(region);
            assertThat(first.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
        }
    }

    @Test
    void an_unknown_region_is_a_400() {
        assertThat(download(port, "manager", "/api/exports/retail-pack.xlsx?region=Atlantis").statusCode())
                .isEqualTo(400);
    }

    private static List<String> cells(Row row) {
        List<String> out = new ArrayList<>();
        row.forEach(c -> out.add(c.getStringCellValue()));
        return out;
    }
}
