package org.outagedesk.holds;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.UserIdentity;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.Store;
import org.outagedesk.catalog.StoreType;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.SampleIncident;
import org.outagedesk.sampledata.SampleDataStep;
import org.outagedesk.sampledata.SampleFiles;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The 2009 stop-sales, replayed through the real services: on Sunday Oct 11 every Sidekick is off the web store; on
 * Monday Oct 12 at 12:30 pm Pacific the carrier confirms the hold in its own stores and online, and third-party
 * retailers are told the same; at 2:00 pm Upper West Side dealers still sell Sidekicks (violations), and again the
 * next day (a daily sales file). Every store acknowledges within hours of its hold, on Oct 12, 2009, except the two
 * Upper West Side dealers that kept selling: they are the only stores overdue.
 */
@Component
class HoldsSampleData implements SampleDataStep {

    static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    /** The dealers that kept selling: they never acknowledge, so they show on the overdue list. */
    static final Set<String> NON_ACKNOWLEDGING = Set.of("D-NY-UWS-01", "D-NY-UWS-02");

    private final HoldService holds;
    private final SalesService sales;
    private final IncidentService incidents;
    private final CatalogService catalog;

    HoldsSampleData(HoldService holds, SalesService sales, IncidentService incidents, CatalogService catalog) {
        this.holds = holds;
        this.sales = sales;
        this.incidents = incidents;
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "holds-2009";
    }

    @Override
    public int order() {
        return 500;
    }

    @Override
    public void load(SampleFiles files) {
        Incident incident = SampleIncident.find(incidents);
        long id = incident.getId();

        holds.place(new NewHold(id, null, "SIDEKICK", List.of(SalesChannel.ONLINE), null, null,
                pacific(2009, 10, 11, 9, 0), null, 24,
                "Web store: every Sidekick model shows \"temporarily out of stock\" while the data service is down "
                        + "and subscribers' data may be lost"));
        HoldSummary stores = holds.place(new NewHold(id, null, "SIDEKICK",
                List.of(SalesChannel.RETAIL, SalesChannel.ONLINE), null, null, pacific(2009, 10, 12, 12, 30), null,
                24, "Sidekick sales on hold in company stores and online until the data service is restored"));
        HoldSummary dealers = holds.place(new NewHold(id, null, "SIDEKICK", List.of(SalesChannel.DEALER), null, null,
                pacific(2009, 10, 12, 12, 30), null, 24,
                "Third-party retailers: stop selling Sidekicks; web and e-mail do not work and data may be lost"));

        // 2:00 pm Pacific: Upper West Side dealers are still selling Sidekicks
        sales.recordSale(new NewSale("D-NY-UWS-01", "SK-LX09-CARBLA", 1, pacific(2009, 10, 12, 14, 0)));
        sales.recordSale(new NewSale("D-NY-UWS-02", "SK-S08-PIN", 1, pacific(2009, 10, 12, 14, 5)));
        // a clean sale the same afternoon: another phone
        sales.recordSale(new NewSale("D-NY-UWS-03", "BB8900-TIT", 1, pacific(2009, 10, 12, 14, 20)));
        // and the next day's sales file
        sales.importSales(files.reader("sales-2009-10-13.csv"), "sales-2009-10-13.csv");

        acknowledge(stores.id(), StoreType.COMPANY, pacific(2009, 10, 12, 12, 30));
        acknowledge(dealers.id(), StoreType.DEALER, pacific(2009, 10, 12, 12, 30));
    }

    /**
     * Every store of a type acknowledges a hold within hours of its start, spread over the afternoon of Oct 12, 2009
     * (deterministic: by the store's place in code order), except the dealers that kept selling.
     */
    private void acknowledge(long holdId, StoreType type, Instant holdStart) {
        int index = 0;
        int page = 0;
        List<Store> batch;
        do {
            batch = catalog.findStores(null, null, PageRequest.of(page++, 200, Sort.by("code"))).getContent();
            for (Store store : batch) {
                if (store.getType() != type || NON_ACKNOWLEDGING.contains(store.getCode())) {
                    continue;
                }
                // between 10 minutes and about 4 hours after the hold: well within its 24-hour deadline
                Instant at = holdStart.plus(Duration.ofMinutes(10 + (index++ * 7L) % 230));
                asManagerOf(store.getCode(), () -> holds.acknowledgeAt(holdId, at));
            }
        } while (batch.size() == 200);
    }

    private static void asManagerOf(String storeCode, Runnable work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new SampleStoreManager("manager-" + storeCode.toLowerCase(), storeCode), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + AppRoles.STORE_MANAGER))));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static Instant pacific(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(PACIFIC).toInstant();
    }

    /** A store's manager in the replayed story (not a console user). */
    private record SampleStoreManager(String username, String store) implements UserIdentity, Principal {

        @Override
        public String getUsername() {
            return username;
        }

        @Override
        public String displayName() {
            return username;
        }

        @Override
        public String role() {
            return AppRoles.STORE_MANAGER;
        }

        @Override
        public @Nullable String storeCode() {
            return store;
        }

        @Override
        public String getName() {
            return username;
        }
    }
}
