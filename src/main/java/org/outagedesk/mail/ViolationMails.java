package org.outagedesk.mail;

import static org.outagedesk.mail.StoreMailTexts.email;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.outagedesk.base.SystemActor;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.Region;
import org.outagedesk.catalog.Store;
import org.outagedesk.holds.SaleViolationFound;
import org.outagedesk.outbox.Channel;
import org.outagedesk.outbox.OutboundMessage;
import org.outagedesk.outbox.OutboxService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * VIOLATION e-mails (issue 14): a sale during a hold, to the store and the region's escalation contact, through the
 * outbox under the event key "violation:V", so that a second delivery of the event, a second node or a restart adds
 * nothing. Runs as the system user, whoever published the event: the event publication registry may hand it over
 * again later, on a thread where nobody is signed in (decision 0020).
 */
@Component
class ViolationMails {

    static final String VIOLATION = "VIOLATION";

    private final OutboxService outbox;
    private final CatalogService catalog;
    private final MailTexts texts;
    private final StoreMailTexts storeTexts;
    private final StoreMailProperties settings;
    private final Clock clock;

    ViolationMails(OutboxService outbox, CatalogService catalog, MailTexts texts, StoreMailTexts storeTexts,
            StoreMailProperties settings, Clock clock) {
        this.outbox = outbox;
        this.catalog = catalog;
        this.texts = texts;
        this.storeTexts = storeTexts;
        this.settings = settings;
        this.clock = clock;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void onViolation(SaleViolationFound event) {
        SystemActor.run(() -> violation(event));
    }

    private void violation(SaleViolationFound event) {
        Store store = catalog.findStore(event.storeCode()).orElse(null);
        Region region = catalog.findRegion(event.region()).orElse(null);
        String sku = storeTexts.skuLine(event.skuCode());
        String eventKey = "violation:" + event.violationId();
        String subject = "Sale during a stop-sale at " + event.storeName();
        List<OutboundMessage> batch = new ArrayList<>();
        ZoneId storeZone = store == null ? ZoneId.of("UTC") : store.getZone();
        batch.add(email(VIOLATION, eventKey, "store:" + event.storeCode(), Channel.EMAIL, null,
                store == null ? null : store.getEmail(), subject, violationText(event, sku, storeZone),
                clock.instant(), store == null || store.getEmail() == null ? "The store has no e-mail address" : null));
        String contact = region == null ? null : region.getEscalationEmail();
        batch.add(email(VIOLATION, eventKey, "region:" + event.region(), Channel.EMAIL, null, contact,
                subject, violationText(event, sku, region == null ? storeZone : region.getZone()), clock.instant(),
                contact == null ? "The region has no escalation contact" : null));
        outbox.enqueue(batch);
    }

    private String violationText(SaleViolationFound event, String sku, ZoneId zone) {
        Map<String, Object> v = new HashMap<>();
        v.put("storeName", event.storeName());
        v.put("storeCode", event.storeCode());
        v.put("quantity", event.quantity());
        v.put("sku", sku);
        v.put("soldAt", MailTexts.when(event.soldAt(), zone));
        v.put("reason", event.holdReason());
        v.put("link", settings.consoleUrl() + "/my-store");
        return texts.render("violation", v);
    }
}
