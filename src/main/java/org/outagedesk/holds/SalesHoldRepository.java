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
     * A store (alias {@code s}) in a hold's scope, the set-based twin of {@link HoldTerms#reaches}: a store of the
     * hold's channels, and the hold names no region or store ({@code everywhere}), or names its region or the store.
     */
    // spaces at both ends: the text blocks around it lose their trailing spaces
    String IN_SCOPE = " s.type in :types and (:everywhere = true or s.region in :regions or s.code in :stores) ";
    /** A store closed before a hold was placed is skipped by it. */
    String OPEN_WHEN_PLACED = " (s.closedAt is null or s.closedAt > :placedAt) ";

    /** How many stores of these types a hold reaches. {@code everywhere}: the hold names no region or store. */
    @Query("""
            select count(s) from Store s
            where """ + IN_SCOPE + """
              and """ + OPEN_WHEN_PLACED + """
            """)
    long countStores(@Param("types") Collection<StoreType> types, @Param("everywhere") boolean everywhere,
            @Param("regions") Collection<String> regions, @Param("stores") Collection<String> stores,
            @Param("placedAt") Instant placedAt);

    /** How many stores in a hold's scope it skipped: closed before it was placed. */
    @Query("""
            select count(s) from Store s
            where """ + IN_SCOPE + """
              and s.closedAt <= :placedAt
            """)
    long countClosedStores(@Param("types") Collection<StoreType> types, @Param("everywhere") boolean everywhere,
            @Param("regions") Collection<String> regions, @Param("stores") Collection<String> stores,
            @Param("placedAt") Instant placedAt);

    /** Per region: stores reached, and how many of them acknowledged the hold. */
    @Query("""
            select new org.outagedesk.holds.RegionAcknowledgements(s.region, count(s), count(a.id)) from Store s
              left join HoldAcknowledgement a on a.holdId = :holdId and a.storeCode = s.code
            where """ + IN_SCOPE + """
              and """ + OPEN_WHEN_PLACED + """
            group by s.region
            order by s.region
            """)
    List<RegionAcknowledgements> progressByRegion(@Param("holdId") long holdId, @Param("types") Collection<StoreType> types,
            @Param("everywhere") boolean everywhere, @Param("regions") Collection<String> regions,
            @Param("stores") Collection<String> stores, @Param("placedAt") Instant placedAt);

    /** The stores a hold reaches with their acknowledgement, if any; {@code state}: ALL, ACKNOWLEDGED, PENDING. */
    @Query(value = """
            select new org.outagedesk.holds.StoreAcknowledgementRow(s.code, s.name, s.region, s.type,
                   a.acknowledgedAt, a.acknowledgedBy)
            from Store s
              left join HoldAcknowledgement a on a.holdId = :holdId and a.storeCode = s.code
            where """ + IN_SCOPE + """
              and """ + OPEN_WHEN_PLACED + """
              and (:state = 'ALL' or (:state = 'ACKNOWLEDGED' and a.id is not null)
                   or (:state = 'PENDING' and a.id is null))
            """, countQuery = """
            select count(s) from Store s
              left join HoldAcknowledgement a on a.holdId = :holdId and a.storeCode = s.code
            where """ + IN_SCOPE + """
              and """ + OPEN_WHEN_PLACED + """
              and (:state = 'ALL' or (:state = 'ACKNOWLEDGED' and a.id is not null)
                   or (:state = 'PENDING' and a.id is null))
            """)
    Page<StoreAcknowledgementRow> storeRows(@Param("holdId") long holdId, @Param("types") Collection<StoreType> types,
            @Param("everywhere") boolean everywhere, @Param("regions") Collection<String> regions,
            @Param("stores") Collection<String> stores, @Param("state") String state,
            @Param("placedAt") Instant placedAt, Pageable pageable);

    /**
     * The candidates for one store: every hold of its channel whose scope reaches it (every store, its region, or
     * the store itself), lifted or not, past or scheduled, in the order they took effect. Only a narrowing:
     * {@link HoldTerms} decides whether a hold stops a sale at a given moment.
     */
    @Query("""
            select h from SalesHold h
            where :channel member of h.channels
              and ((h.regions is empty and h.stores is empty)
                   or :region member of h.regions
                   or :store member of h.stores)
            order by h.effectiveFrom, h.id
            """)
    List<SalesHold> reachingStore(@Param("channel") SalesChannel channel, @Param("region") String region,
            @Param("store") String store);
}
