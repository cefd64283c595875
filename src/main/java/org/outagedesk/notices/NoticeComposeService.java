package org.outagedesk.notices;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.impact.AffectedSubscriber;
import org.outagedesk.impact.ImpactFilter;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.outbox.OutboundMessage;
import org.outagedesk.outbox.OutboxService;
import org.outagedesk.outbox.SmppProperties;
import org.outagedesk.outbox.SmsText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Composing customer notices: a draft is checked as it is written (channels, the texts and their placeholders, the
 * SMS parts with long values filled in, the audience's filter) and previewed against the whole audience without
 * writing anything. Incident managers only. What happens to a draft after (submit, approval, sending, pause,
 * cancel) is {@link NoticeService}'s, which also hands the screens' and the API's compose and preview calls here.
 */
@Service
@Transactional(readOnly = true)
public class NoticeComposeService {

    private final CustomerNoticeRepository notices;
    private final NoticeReader reader;
    private final OutboxService outbox;
    private final ImpactService impacts;
    private final IncidentService incidents;
    private final NoticeProperties settings;
    private final SmppProperties smpp;
    private final AuditService audit;
    private final Clock clock;
    private final CatalogService catalog;

    NoticeComposeService(CustomerNoticeRepository notices, NoticeReader reader, OutboxService outbox,
            ImpactService impacts, IncidentService incidents, NoticeProperties settings, SmppProperties smpp,
            AuditService audit, Clock clock, CatalogService catalog) {
        this.notices = notices;
        this.reader = reader;
        this.outbox = outbox;
        this.impacts = impacts;
        this.incidents = incidents;
        this.settings = settings;
        this.smpp = smpp;
        this.audit = audit;
        this.clock = clock;
        this.catalog = catalog;
    }

    /** Composes a draft notice; checked here, sent only once another incident manager approves it. */
    @Transactional
    @IncidentManagersOnly
    public NoticeDetails create(NewNotice request) {
        if (request.incidentId() == null) {
            throw new DomainException("incidentId", "Choose the incident the notice is about");
        }
        incidents.get(request.incidentId());
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            throw new DomainException("name", "Give the notice a name");
        }
        if (name.length() > 200) {
            throw new DomainException("name", "Keep the name under 200 characters");
        }
        NoticeChannels channels = channels(request.channels(), request.fallback());
        String sms = blankToNull(request.sms());
        String subject = blankToNull(request.emailSubject());
        String body = blankToNull(request.emailBody());
        if (channels.texts()) {
            if (sms == null) {
                throw new DomainException("sms", "Write the text message");
            }
            if (sms.length() > 1000) {
                throw new DomainException("sms", "Keep the text message under 1,000 characters");
            }
            NoticeTemplate.validate("sms", sms);
            int parts = SmsText.of(NoticeTemplate.render(sms, new NoticeComposer(null, settings, smpp.maxParts(), null)
                    .values(NoticeComposer.sample()))).parts();
            if (parts > smpp.maxParts()) {
                throw new DomainException("sms", "The text message takes " + parts + " SMS parts with long values"
                        + " filled in; at most " + smpp.maxParts() + " are allowed: shorten it");
            }
        }
        if (channels.emails()) {
            if (subject == null) {
                throw new DomainException("emailSubject", "Write the e-mail's subject");
            }
            if (subject.length() > 200) {
                throw new DomainException("emailSubject", "Keep the subject under 200 characters");
            }
            if (body == null) {
                throw new DomainException("emailBody", "Write the e-mail");
            }
            if (body.length() > 4000) {
                throw new DomainException("emailBody", "Keep the e-mail under 4,000 characters");
            }
            NoticeTemplate.validate("emailSubject", subject);
            NoticeTemplate.validate("emailBody", body);
        }
        ImpactFilter filter = request.filter() == null ? ImpactFilter.all() : request.filter();
        if (filter.q() != null && filter.q().length() > 100) {
            throw new DomainException("filter.q", "Keep the search text under 100 characters");
        }
        CustomerNotice notice = notices.saveAndFlush(new CustomerNotice(request.incidentId(), name, filter, channels,
                channels.texts() ? sms : null, channels.emails() ? subject : null, channels.emails() ? body : null,
                Boolean.TRUE.equals(request.urgent()), CurrentActor.username(), clock.instant()));
        audit.record("NOTICE_CREATED", "CustomerNotice", notice.getId(), name + " (" + channels.label() + ") to "
                + filter.describe() + " in incident " + notice.getIncidentId());
        return reader.details(notice);
    }

    static NoticeChannels channels(@Nullable List<String> names, @Nullable Boolean fallback) {
        if (names == null || names.isEmpty()) {
            throw new DomainException("channels", "Choose SMS, EMAIL or both");
        }
        boolean sms = false;
        boolean email = false;
        for (String n : names) {
            String c = n == null ? "" : n.strip().toUpperCase(Locale.ROOT);
            switch (c) {
                case "SMS" -> sms = true;
                case "EMAIL", "E-MAIL" -> email = true;
                default -> throw new DomainException("channels", "'" + (c.length() > 20 ? c.substring(0, 20) : c)
                        + "' is not a channel: use SMS or EMAIL");
            }
        }
        if (Boolean.TRUE.equals(fallback)) {
            if (!sms || !email) {
                throw new DomainException("fallback", "The e-mail fallback needs both channels, SMS and EMAIL");
            }
            return NoticeChannels.SMS_ELSE_EMAIL;
        }
        return sms && email ? NoticeChannels.BOTH : sms ? NoticeChannels.SMS : NoticeChannels.EMAIL;
    }

    /** What the notice would do if it went now; writes nothing. Walks the whole audience in batches. */
    @IncidentManagersOnly
    public NoticePreview preview(long id) {
        CustomerNotice notice = reader.notice(id);
        NoticeComposer composer = new NoticeComposer(notice, settings, smpp.maxParts(),
                new SubscriberZones(catalog, settings.defaultZoneId()));
        Instant now = clock.instant();
        long recipients = 0;
        long waiting = 0;
        Map<String, Long> byChannel = new LinkedHashMap<>();
        Map<String, Long> skipped = new TreeMap<>();
        Map<Integer, Long> parts = new TreeMap<>();
        List<NoticePreview.Sample> samples = new ArrayList<>();
        long cursor = 0;
        ImpactFilter filter = notice.filter();
        while (true) {
            List<AffectedSubscriber> batch = impacts.affectedAfter(notice.getIncidentId(), filter, cursor,
                    settings.batchSize());
            if (batch.isEmpty()) {
                break;
            }
            Set<String> optedOut = outbox.optedOut(batch.stream().map(AffectedSubscriber::msisdn).toList());
            for (AffectedSubscriber s : batch) {
                recipients++;
                if (composer.waitsForMorning(s, now)) {
                    waiting++;
                }
                for (OutboundMessage m : composer.messages(s, optedOut.contains(s.msisdn()), now)) {
                    if (m.skipReason() != null) {
                        skipped.merge(m.skipReason(), 1L, Long::sum);
                        continue;
                    }
                    byChannel.merge(m.channel().name(), 1L, Long::sum);
                    if (m.smsParts() != null) {
                        parts.merge(m.smsParts(), 1L, Long::sum);
                    }
                    if (samples.size() < 3) {
                        samples.add(new NoticePreview.Sample(m.channel().name(), m.address(), m.subject(), m.body(),
                                m.smsParts()));
                    }
                }
            }
            cursor = batch.getLast().subscriberId();
        }
        return new NoticePreview(recipients, byChannel, skipped, waiting, parts, samples);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
