package org.outagedesk.holds;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.outagedesk.catalog.StoreType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SalesHoldRepository extends JpaRepository<SalesHold, Long>, JpaSpecificationExecutor<SalesHold> {

    /**
     * The till's question in one query: the holds in force at {@code at} that cover this SKU (by code or by family)
     * in this channel and, for a physical store, reach its region or the store itself. {@code online} skips the
     * region/store scope: the web store is national.
     */
    @Query("""
            select h from SalesHold h
            where h.effectiveFrom <= :at
              and (h.effectiveUntil is null or h.effectiveUntil > :at)
              and (h.liftedAt is null or h.liftedAt > :at)
              and :channel member of h.channels
              and (h.family = :family or :sku member of h.skus)
              and (:online = true
                   or (h.regions is empty and h.stores is empty)
                   or :region member of h.regions
                   or :store member of h.stores)
            order by h.effectiveFrom, h.id
            """)
    List<SalesHold> holdingSku(@Param("sku") String sku, @Param("family") String family,
            @Param("channel") SalesChannel channel, @Param("online") boolean online, @Param("region") String region,
            @Param("store") String store, @Param("at") Instant at);

    /**
     * Holds that reach a store and are scheduled or active at {@code now}: what its manager must know about. A
     * closed store ({@code placedBefore} its closing; open: far in the future) gets none placed after it closed.
     */
    @Query("""
            select h from SalesHold h
            where h.liftedAt is null
              and h.placedAt < :placedBefore
              and (h.effectiveUntil is null or h.effectiveUntil > :now)
              and :channel member of h.channels
              and ((h.regions is empty and h.stores is empty)
                   or :region member of h.regions
                   or :store member of h.stores)
            order by h.effectiveFrom, h.id
            """)
    List<SalesHold> currentForStore(@Param("channel") SalesChannel channel, @Param("region") String region,
            @Param("store") String store, @Param("now") Instant now, @Param("placedBefore") Instant placedBefore);

    /** How many stores of these types a hold reaches. {@code everywhere}: the hold names no region or store. */
    @Query("""
            select count(s) from Store s
            where s.type in :types
              and (:everywhere = true or s.region in :regions or s.code in :stores)
              and (s.closedAt is null or s.closedAt > :placedAt)
            """)
    long countStores(@Param("types") Collection<StoreType> types, @Param("everywhere") boolean everywhere,
            @Param("regions") Collection<String> regions, @Param("stores") Collection<String> stores,
            @Param("placedAt") Instant placedAt);

    /** How many stores in a hold's scope it skipped: closed before it was placed. */
    @Query("""
            select count(s) from Store s
            where s.type in :types
              and (:everywhere = true or s.region in :regions or s.code in :stores)
              and s.closedAt <= :placedAt
            """)
    long countClosedStores(@Param("types") Collection<StoreType> types, @Param("everywhere") boolean everywhere,
            @Param("regions") Collection<String> regions, @Param("stores") Collection<String> stores,
            @Param("placedAt") Instant placedAt);

    /** Per region: stores reached, and how many of them acknowledged the hold. */
    @Query("""
            select s.region, count(s), count(a.id) from Store s
              left join HoldAcknowledgement a on a.holdId = :holdId and a.storeCode = s.code
            where s.type in :types
              and (:everywhere = true or s.region in :regions or s.code in :stores)
              and (s.closedAt is null or s.closedAt > :placedAt)
            group by s.region
            order by s.region
            """)
    List<Object[]> progressByRegion(@Param("holdId") long holdId, @Param("types") Collection<StoreType> types,
            @Param("everywhere") boolean everywhere, @Param("regions") Collection<String> regions,
            @Param("stores") Collection<String> stores, @Param("placedAt") Instant placedAt);

    /** The stores a hold reaches with their acknowledgement, if any; {@code state}: ALL, ACKNOWLEDGED, PENDING. */
    @Query(value = """
            select new org.outagedesk.holds.StoreAcknowledgementRow(s.code, s.name, s.region, s.type,
                   a.acknowledgedAt, a.acknowledgedBy)
            from Store s
              left join HoldAcknowledgement a on a.holdId = :holdId and a.storeCode = s.code
            where s.type in :types
              and (:everywhere = true or s.region in :regions or s.code in :stores)
              and (s.closedAt is null or s.closedAt > :placedAt)
              and (:state = 'ALL' or (:state = 'ACKNOWLEDGED' and a.id is not null)
                   or (:state = 'PENDING' and a.id is null))
            """, countQuery = """
            select count(s) from Store s
              left join HoldAcknowledgement a on a.holdId = :holdId and a.storeCode = s.code
            where s.type in :types
              and (:everywhere = true or s.region in :regions or s.code in :stores)
              and (s.closedAt is null or s.closedAt > :placedAt)
              and (:state = 'ALL' or (:state = 'ACKNOWLEDGED' and a.id is not null)
                   or (:state = 'PENDING' and a.id is null))
            """)
    Page<StoreAcknowledgementRow> storeRows(@Param("holdId") long holdId, @Param("types") Collection<StoreType> types,
            @Param("everywhere") boolean everywhere, @Param("regions") Collection<String> regions,
            @Param("stores") Collection<String> stores, @Param("state") String state,
            @Param("placedAt") Instant placedAt, Pageable pageable);

    /** Every hold that ever reached a store of this channel and scope, lifted or not (for checking past sales). */
    @Query("""
            select h from SalesHold h
            where :channel member of h.channels
              and ((h.regions is empty and h.stores is empty)
                   or :region member of h.regions
                   or :store member of h.stores)
            """)
    List<SalesHold> reachingStore(@Param("channel") SalesChannel channel, @Param("region") String region,
            @Param("store") String store);
}
