package org.outagedesk.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.Sku;
import org.outagedesk.catalog.Store;
import org.outagedesk.holds.HoldSummary;
import org.outagedesk.holds.SalesChannel;
import org.outagedesk.incident.TimelineService;
import org.outagedesk.outbox.Channel;
import org.outagedesk.outbox.OutboundMessage;
import org.springframework.stereotype.Component;

/**
 * What the store and team e-mails ({@link HoldMails}, {@link AcknowledgementChaser}, {@link ViolationMails},
 * {@link UpdateOverdueMails}) share: the outbox message of an e-mail and of an e-mail to a store, the incident's
 * newest retail instruction, a hold's SKU lines and channels, and a duration in words. The texts themselves are
 * {@link MailTexts}' templates.
 */
@Component
class StoreMailTexts {

    private final CatalogService catalog;
    private final TimelineService timeline;
    private final Clock clock;

    StoreMailTexts(CatalogService catalog, TimelineService timeline, Clock clock) {
        this.catalog = catalog;
        this.timeline = timeline;
        this.clock = clock;
    }

    static OutboundMessage email(String kind, String eventKey, String recipientKey, Channel channel,
            @Nullable Long subscriberId, @Nullable String address,
            String subject, String body, Instant notBefore, @Nullable String skipReason) {
        return new OutboundMessage(kind, eventKey, recipientKey, channel, subscriberId, address, subject, body, null,
                notBefore, skipReason);
    }

    OutboundMessage storeMail(String kind, String eventKey, Store s, String subject, String body) {
        return email(kind, eventKey, "store:" + s.getCode(), Channel.EMAIL, null, s.getEmail(),
                subject, body, clock.instant(), s.getEmail() == null ? "The store has no e-mail address" : null);
    }

    String instruction(long incidentId) {
        String text = timeline.newestRetailInstruction(incidentId);
        return text == null ? "None yet: follow the stop-sale above until told otherwise." : text;
    }

    List<String> skuLines(HoldSummary hold) {
        if (hold.family() != null) {
            return catalog.skusOfFamily(hold.family()).stream().map(StoreMailTexts::skuLine).toList();
        }
        return hold.skus().stream().map(this::skuLine).toList();
    }

    String skuLine(String code) {
        return catalog.findSku(code).map(StoreMailTexts::skuLine).orElse(code);
    }

    private static String skuLine(Sku sku) {
        return sku.getModel() + ", " + sku.getColour() + " (" + sku.getCode() + ")";
    }

    static String channels(HoldSummary hold) {
        return hold.channels().stream().map(SalesChannel::label).collect(Collectors.joining(", "));
    }

    static String words(Duration d) {
        long minutes = Math.max(d.toMinutes(), 0);
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        List<String> parts = new ArrayList<>();
        if (days > 0) {
            parts.add(days + (days == 1 ? " day" : " days"));
        }
        if (hours > 0) {
            parts.add(hours + (hours == 1 ? " hour" : " hours"));
        }
        if (mins > 0 || parts.isEmpty()) {
            parts.add(mins + (mins == 1 ? " minute" : " minutes"));
        }
        return String.join(" ", parts);
    }
}
