package org.outagedesk.mail;

import static org.outagedesk.mail.StoreMailTexts.channels;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outagedesk.base.SystemActor;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.Store;
import org.outagedesk.holds.HoldLifted;
import org.outagedesk.holds.HoldPlaced;
import org.outagedesk.holds.HoldService;
import org.outagedesk.holds.HoldStatus;
import org.outagedesk.holds.HoldSummary;
import org.outagedesk.outbox.OutboundMessage;
import org.outagedesk.outbox.OutboxService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * HOLD_CHANGED e-mails (issue 14): a hold placed or lifted, one e-mail per store it reaches, through the outbox under
 * the event key "hold-placed:H" / "hold-lifted:H", so that a second delivery of the event, a second node or a restart
 * adds nothing. A {@link HoldPlaced} handed over again after the hold was lifted queues no "do not sell" e-mail.
 * Runs as the system user, whoever published the event: the publisher checked its caller, and the event publication
 * registry may hand an event over again later, on a thread where nobody is signed in (decision 0020).
 */
@Component
class HoldMails {

    static final String HOLD_CHANGED = "HOLD_CHANGED";

    private final OutboxService outbox;
    private final HoldService holds;
    private final CatalogService catalog;
    private final MailTexts texts;
    private final StoreMailTexts storeTexts;
    private final StoreMailProperties settings;

    HoldMails(OutboxService outbox, HoldService holds, CatalogService catalog, MailTexts texts,
            StoreMailTexts storeTexts, StoreMailProperties settings) {
        this.outbox = outbox;
        this.holds = holds;
        this.catalog = catalog;
        this.texts = texts;
        this.storeTexts = storeTexts;
        this.settings = settings;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void onPlaced(HoldPlaced event) {
        // as the system user: a retry of the registry (decision 0020) runs on a thread where nobody is signed in
        SystemActor.run(() -> {
            // a retry may come after the hold was lifted: "do not sell" then would contradict the lift's e-mail
            if (holds.get(event.hold().id()).status() != HoldStatus.LIFTED) {
                holdChanged(event.hold(), false);
            }
        });
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void onLifted(HoldLifted event) {
        SystemActor.run(() -> holdChanged(event.hold(), true));
    }

    private void holdChanged(HoldSummary hold, boolean lifted) {
        String eventKey = (lifted ? "hold-lifted:" : "hold-placed:") + hold.id();
        String instruction = storeTexts.instruction(hold.incidentId());
        List<String> skus = storeTexts.skuLines(hold);
        List<OutboundMessage> batch = new ArrayList<>();
        holds.forEachStoreReached(hold.id(), HoldService.AckState.ALL, row -> {
            Optional<Store> store = catalog.findStore(row.storeCode());
            if (store.isEmpty()) {
                return;
            }
            Store s = store.get();
            ZoneId zone = s.getZone();
            Map<String, Object> v = new HashMap<>();
            v.put("storeName", s.getName());
            v.put("storeCode", s.getCode());
            v.put("coverage", hold.coverage());
            v.put("skus", skus);
            v.put("channels", channels(hold));
            v.put("from", MailTexts.when(hold.effectiveFrom(), zone));
            v.put("until", hold.effectiveUntil() == null ? null : MailTexts.when(hold.effectiveUntil(), zone));
            v.put("deadline", MailTexts.when(hold.ackDeadline(), zone));
            v.put("liftedAt", hold.liftedAt() == null ? "" : MailTexts.when(hold.liftedAt(), zone));
            v.put("instruction", instruction);
            v.put("link", settings.consoleUrl() + "/my-store");
            String subject = lifted ? "Stop-sale lifted: you may sell " + hold.coverage() + " again"
                    : "Stop-sale: do not sell " + hold.coverage();
            batch.add(storeTexts.storeMail(HOLD_CHANGED, eventKey, s, subject,
                    texts.render(lifted ? "hold-lifted" : "hold-placed", v)));
            if (batch.size() >= 500) {
                outbox.enqueue(List.copyOf(batch));
                batch.clear();
            }
        });
        outbox.enqueue(batch);
    }
}
