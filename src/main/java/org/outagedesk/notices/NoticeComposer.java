package org.outagedesk.notices;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.Money;
import org.outagedesk.impact.AffectedSubscriber;
import org.outagedesk.impact.DataCategory;
import org.outagedesk.impact.DataLossStatus;
import org.outagedesk.outbox.Channel;
import org.outagedesk.outbox.MessageKinds;
import org.outagedesk.outbox.OutboundMessage;
import org.outagedesk.outbox.SmsText;

/**
 * Turns a notice and one affected subscriber into the outbox messages for them: which channel (opt-outs, missing
 * addresses, the SMS-else-e-mail fallback), the rendered texts, and when (quiet hours in their zone, unless
 * urgent). A message that cannot go is still written, SKIPPED with the reason, so every recipient is accounted for.
 */
final class NoticeComposer {

    static final String KIND = MessageKinds.NOTICE;
    static final String OPTED_OUT = "opted out";
    static final String NO_NUMBER = "no mobile number";
    static final String NO_EMAIL = "no e-mail address";

    private final CustomerNotice notice;
    private final NoticeProperties settings;
    private final QuietHours quiet;
    private final int maxParts;
    private final SubscriberZones zones;
    private final NoticeTemplate.@Nullable Compiled smsTemplate;
    private final NoticeTemplate.@Nullable Compiled emailSubject;
    private final NoticeTemplate.@Nullable Compiled emailBody;
    /** "contacts, photos" per set of categories: a handful of sets among a million subscribers. */
    private final Map<Set<DataCategory>, String> categoryTexts = new HashMap<>();

    NoticeComposer(@Nullable CustomerNotice notice, NoticeProperties settings, int maxParts,
            @Nullable SubscriberZones zones) {
        this.notice = notice;
        this.settings = settings;
        this.quiet = new QuietHours(settings.quietStart(), settings.quietEnd());
        this.maxParts = maxParts;
        this.zones = zones;
        // the templates are parsed once for all the subscribers this composer renders
        this.smsTemplate = notice == null ? null : NoticeTemplate.compile(orEmpty(notice.getSmsTemplate()));
        this.emailSubject = notice == null ? null : NoticeTemplate.compile(orEmpty(notice.getEmailSubject()));
        this.emailBody = notice == null ? null : NoticeTemplate.compile(orEmpty(notice.getEmailBody()));
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }


    static String statusText(DataLossStatus status) {
        return switch (status) {
            case DEVICE_ONLY -> "the only copy of your data is on your phone: do not reset it, remove the battery"
                    + " or let it run flat";
            case LOST -> "we could not recover the data we kept for you";
            case RECOVERED -> "your data has been restored";
            case NOT_AFFECTED -> "your data was not affected";
            case UNKNOWN -> "we are still checking your data";
        };
    }

    Map<String, String> values(AffectedSubscriber s) {
        Map<String, String> v = new HashMap<>();
        v.put("name", s.name());
        String categories = categoryTexts.get(s.categories());
        if (categories == null) {
            categories = s.categories().isEmpty() ? "your data" : s.categories().stream().sorted()
                    .map(c -> c.label().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
            categoryTexts.put(Set.copyOf(s.categories()), categories);
        }
        v.put("categories", categories);
        v.put("statusText", statusText(s.status()));
        v.put("credit", s.credits().toString());
        v.put("advisoryUrl", settings.advisoryUrl());
        return v;
    }

    /** The messages for this subscriber, given whether their number opted out. */
    List<OutboundMessage> messages(AffectedSubscriber s, boolean optedOut, Instant now) {
        String key = Long.toString(s.subscriberId());
        String event = notice.eventKey();
        Map<String, String> values = values(s);
        List<OutboundMessage> out = new ArrayList<>(2);
        boolean hasEmail = s.email() != null && !s.email().isBlank();
        NoticeChannels channels = notice.getChannels();
        boolean text = channels.texts();
        boolean mail = channels == NoticeChannels.EMAIL || channels == NoticeChannels.BOTH;
        if (channels == NoticeChannels.SMS_ELSE_EMAIL && optedOut && hasEmail) {
            text = false;
            mail = true;
        }
        if (text) {
            String body = smsTemplate.render(values);
            SmsText sms = SmsText.of(body);
            String skip = optedOut ? (channels == NoticeChannels.SMS_ELSE_EMAIL ? OPTED_OUT + ", " + NO_EMAIL
                    : OPTED_OUT) : sms.parts() > maxParts ? "too long: " + sms.parts() + " parts" : null;
            Instant due = notice.isUrgent() ? now : quiet.nextAllowed(now, zones.of(s.storeCode(), s.region()));
            out.add(new OutboundMessage(KIND, event, key, Channel.SMS, s.subscriberId(), s.msisdn(), null,
                    cut(body, 8000), sms.parts(), due, skip));
        }
        if (mail) {
            String body = emailBody.render(values);
            String subject = emailSubject.render(values);
            out.add(new OutboundMessage(KIND, event, key, Channel.EMAIL, s.subscriberId(), hasEmail ? s.email()
                    : null, cut(subject, 300), cut(body, 8000), null, now, hasEmail ? null : NO_EMAIL));
        }
        return out;
    }

    /** Whether the text to this subscriber would wait for the end of quiet hours. */
    boolean waitsForMorning(AffectedSubscriber s, Instant now) {
        return notice.getChannels().texts() && !notice.isUrgent()
                && quiet.nextAllowed(now, zones.of(s.storeCode(), s.region())).isAfter(now);
    }

    /** A made-up subscriber with long values, to measure a template before there is anyone to send it to. */
    static AffectedSubscriber sample() {
        return new AffectedSubscriber(0, "+12065550100", "Maria Fernanda Rodriguez-Castillo", "maria@example.com",
                "C-WA-SEA-01", "Pacific Northwest", DataLossStatus.DEVICE_ONLY, Set.of(DataCategory.values()),
                Money.usd("150.00"));
    }

    private static @Nullable String cut(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
