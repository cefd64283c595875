package org.outagedesk.holds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AfterCommit;
import org.outagedesk.catalog.CatalogChanged;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.Sku;
import org.outagedesk.catalog.Store;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The holds, SKUs and stores as the tills' question needs them, in memory: "may this SKU be sold here now" is
 * answered without the database (the benchmark found three queries per question costing three quarters of the
 * endpoint's throughput).
 * <ul>
 * <li>Time is applied at every question: a scheduled hold starts saying no at its start time, to the millisecond.</li>
 * <li>A hold placed or lifted on this node empties the book once the change commits: the next question reads it.</li>
 * <li>A catalog change on this node ({@link CatalogChanged}: a store closed or edited, a SKU added) empties the
 * book once it commits, as a hold does.</li>
 * <li>Changes made by another node (several nodes on one PostgreSQL), holds and catalog alike, are read at the next
 * refresh, {@code outagedesk.holds.refresh} (1 s by default). While one question refreshes, the others keep
 * answering from the book they have, so that no till waits for the reload.</li>
 * <li>A SKU or store code the book does not know is looked up in the database, and the book is rebuilt if it
 * exists (a SKU added a moment ago is sold or held at once).</li>
 * </ul>
 */
@Component
class HoldBook {

    /** A store as the tills' question needs it; a closed store sells nothing, whatever the holds say. */
    record Place(String code, String region, SalesChannel channel, boolean closed) {

        static Place of(Store store) {
            return new Place(store.getCode(), store.getRegion(), SalesChannel.of(store.getType()), store.isClosed());
        }
    }

    record Snapshot(List<HoldTerms> holds, Map<String, String> familyOfSku, List<String> skuOrder,
            Map<String, Place> stores, long generation, long loadedAt) {

        /** The holds in force at {@code now} that reach this channel and store, in the order they took effect. */
        List<HoldTerms> inForce(SalesChannel channel, @Nullable Place store, Instant now) {
            return holds.stream().filter(h -> h.appliesAt(now) && h.reaches(channel, store)).toList();
        }
    }

    private final SalesHoldRepository holds;
    private final CatalogService catalog;
    private final TransactionTemplate readOnly;
    private final long refreshNanos;
    private final AtomicLong generation = new AtomicLong();
    private final ReentrantLock reloading = new ReentrantLock();
    private volatile @Nullable Snapshot snapshot;

    HoldBook(SalesHoldRepository holds, CatalogService catalog, PlatformTransactionManager transactions,
            @Value("${outagedesk.holds.refresh:1s}") Duration refresh) {
        this.holds = holds;
        this.catalog = catalog;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.refreshNanos = refresh.toNanos();
    }

    Snapshot current() {
        Snapshot s = snapshot;
        if (s != null && s.generation() == generation.get()) {
            if (System.nanoTime() - s.loadedAt() < refreshNanos || !reloading.tryLock()) {
                return s; // fresh, or another question is refreshing it right now
            }
            try {
                return reload();
            } finally {
                reloading.unlock();
            }
        }
        // a hold changed here: nobody may answer from the old book
        reloading.lock();
        try {
            Snapshot again = snapshot;
            if (again != null && again.generation() == generation.get()
                    && System.nanoTime() - again.loadedAt() < refreshNanos) {
                return again;
            }
            return reload();
        } finally {
            reloading.unlock();
        }
    }

    /** The code of a SKU in the book, or after a database lookup (which throws NotFoundException if unknown). */
    String familyOf(String skuCode) {
        String family = current().familyOfSku().get(skuCode);
        if (family != null) {
            return family;
        }
        Sku sku = catalog.getSku(skuCode);
        changed();
        return sku.getFamily();
    }

    Place store(String storeCode) {
        Place place = current().stores().get(storeCode);
        if (place != null) {
            return place;
        }
        Store store = catalog.getStore(storeCode);
        changed();
        return Place.of(store);
    }

    /**
     * A hold was placed or lifted: after the commit the next question rebuilds the book. Not a
     * {@code @TransactionalEventListener}: the event publication registry would keep a row for it (decision 0020).
     */
    @EventListener
    void on(HoldsChanged event) {
        AfterCommit.run(this::changed);
    }

    /** SKUs, stores or regions changed on this node (a store closed, a SKU added): read again after the commit. */
    @EventListener
    void on(CatalogChanged event) {
        AfterCommit.run(this::changed);
    }

    void changed() {
        generation.incrementAndGet();
    }

    private Snapshot reload() {
        long gen = generation.get(); // read first: a change committed during the load makes this book stale at once
        Snapshot s = readOnly.execute(tx -> {
            List<HoldTerms> all = holds.findAll().stream().map(HoldTerms::of)
                    .sorted(Comparator.comparing(HoldTerms::effectiveFrom).thenComparing(HoldTerms::id)).toList();
            Map<String, String> families = new HashMap<>();
            List<String> order = new ArrayList<>();
            for (Sku sku : catalog.skus()) {
                families.put(sku.getCode(), sku.getFamily());
                order.add(sku.getCode());
            }
            Map<String, Place> stores = new HashMap<>();
            for (Store store : catalog.findStores(null, null, Pageable.unpaged())) {
                stores.put(store.getCode(), Place.of(store));
            }
            return new Snapshot(all, Map.copyOf(families), List.copyOf(order), Map.copyOf(stores), gen,
                    System.nanoTime());
        });
        snapshot = s;
        return s;
    }

    /** Published by {@link HoldService} when a hold is placed or lifted. */
    record HoldsChanged(long holdId) {
    }
}
