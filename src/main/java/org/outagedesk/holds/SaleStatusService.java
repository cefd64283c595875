package org.outagedesk.holds;

import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.CurrentActor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The till's question during a stop-sale: may this SKU be sold here now? (The sales that tills report, and the
 * violations among them, are {@link SalesService}'s.)
 *
 * <p>The sale status is answered from the {@link HoldBook}, in memory, with the time applied at every question: a
 * scheduled hold starts saying no at its start time without anybody touching it, a hold placed or lifted on this node
 * counts from the moment it commits, and one placed on another node from the book's next refresh (1 s).
 */
@Service
@Transactional(readOnly = true)
public class SaleStatusService {

    /** Who may ask whether a SKU may be sold: every role. Named once here; the API's controller uses it too. */
    public static final String ASKERS = "hasAnyRole('" + AppRoles.POS + "','" + AppRoles.STORE_MANAGER + "','"
            + AppRoles.INCIDENT_MANAGER + "','" + AppRoles.EXECUTIVE + "','" + AppRoles.AGENT + "')";

    private final HoldBook book;
    private final Clock clock;

    SaleStatusService(HoldBook book, Clock clock) {
        this.book = book;
        this.clock = clock;
    }

    /** May this SKU be sold now at this store ({@code storeCode} null: on the ONLINE channel)? */
    @PreAuthorize(ASKERS)
    @Transactional(propagation = Propagation.SUPPORTS)
    public SaleStatus status(String skuCode, @Nullable String storeCode) {
        String family = book.familyOf(skuCode);
        HoldBook.Place store = storeCode == null || storeCode.isBlank() ? null : readableStore(storeCode);
        SalesChannel channel = store == null ? SalesChannel.ONLINE : store.channel();
        return answer(skuCode, family, store, channel, book.current().inForce(channel, store, clock.instant()));
    }

    /** The sale status of every SKU at a store ({@code storeCode} null: on the ONLINE channel), by family and model. */
    @PreAuthorize(ASKERS)
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<SaleStatus> statusOfStore(@Nullable String storeCode) {
        HoldBook.Place store = storeCode == null || storeCode.isBlank() ? null : readableStore(storeCode);
        SalesChannel channel = store == null ? SalesChannel.ONLINE : store.channel();
        HoldBook.Snapshot snapshot = book.current();
        List<HoldTerms> inForce = snapshot.inForce(channel, store, clock.instant());
        return snapshot.skuOrder().stream()
                .map(sku -> answer(sku, snapshot.familyOfSku().get(sku), store, channel, inForce)).toList();
    }

    /** The answer for one SKU, from the holds in force in its channel and store; a closed store sells nothing. */
    private static SaleStatus answer(String sku, String family, HoldBook.@Nullable Place store, SalesChannel channel,
            List<HoldTerms> inForce) {
        if (store != null && store.closed()) {
            return new SaleStatus(sku, store.code(), channel, false, List.of(), SaleStatus.STORE_CLOSED);
        }
        List<SaleStatus.HoldRef> holding = inForce.stream().filter(h -> h.covers(sku, family))
                .map(HoldTerms::ref).toList();
        return new SaleStatus(sku, store == null ? null : store.code(), channel, holding.isEmpty(), holding);
    }

    /** A store the caller may ask about: store managers only their own. */
    private HoldBook.Place readableStore(String storeCode) {
        if (CurrentActor.hasRole(AppRoles.STORE_MANAGER) && !storeCode.strip().equals(HoldService.myStoreCode())) {
            throw new AccessDeniedException("A store manager sees their own store only");
        }
        return book.store(storeCode.strip());
    }

}
