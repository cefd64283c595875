package org.outagedesk.catalog.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.api.PageResponse;
import org.outagedesk.base.api.Paging;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.Sku;
import org.outagedesk.catalog.Store;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The catalog, read-only, for every person signed in (tills only ask sale status and report sales). */
@RestController
@Tag(name = "Catalog", description = "SKUs and stores")
@PreAuthorize("hasAnyRole('" + AppRoles.INCIDENT_MANAGER + "','" + AppRoles.EXECUTIVE + "','" + AppRoles.AGENT
        + "','" + AppRoles.STORE_MANAGER + "')")
class CatalogController {

    record SkuLine(String code, String model, String colour, String family) {
    }

    record StoreLine(String code, String name, String region, String city, String type) {
    }

    private final CatalogService catalog;

    CatalogController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/skus")
    @Operation(summary = "Every SKU (tens of them), by family and model")
    List<SkuLine> skus() {
        return catalog.skus().stream().map((Sku s) -> new SkuLine(s.getCode(), s.getModel(), s.getColour(),
                s.getFamily())).toList();
    }

    @GetMapping("/api/stores")
    @Operation(summary = "Stores by code, optionally of one region or matching a text (code, name, city)")
    PageResponse<StoreLine> stores(@RequestParam(required = false) String region,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return PageResponse.of(catalog.findStores(q, region, Paging.of(page, size, 1000, Sort.by("code"))), (Store s) -> new StoreLine(s.getCode(), s.getName(),
                s.getRegion(), s.getCity(), s.getType().name()));
    }
}
