package org.outagedesk.notices;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.Region;
import org.outagedesk.catalog.Store;

/**
 * A subscriber's zone for quiet hours, from the catalog: their home store's zone, else their region's, else the
 * configured {@code default-zone}. One instance serves one run of a notice's queueing or one preview: each store and
 * region is read once.
 */
final class SubscriberZones {

    private final CatalogService catalog;
    private final ZoneId fallback;
    private final Map<String, Optional<ZoneId>> stores = new HashMap<>();
    private final Map<String, Optional<ZoneId>> regions = new HashMap<>();

    SubscriberZones(CatalogService catalog, ZoneId fallback) {
        this.catalog = catalog;
        this.fallback = fallback;
    }

    ZoneId of(@Nullable String storeCode, @Nullable String region) {
        if (storeCode != null && !storeCode.isBlank()) {
            Optional<ZoneId> z = stores.computeIfAbsent(storeCode, c -> catalog.findStore(c).map(Store::getZone));
            if (z.isPresent()) {
                return z.get();
            }
        }
        if (region != null && !region.isBlank()) {
            Optional<ZoneId> z = regions.computeIfAbsent(region, r -> catalog.findRegion(r).map(Region::getZone));
            if (z.isPresent()) {
                return z.get();
            }
        }
        return fallback;
    }
}
