package org.outagedesk.notices;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.ApprovalRequested;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.base.NotFoundException;
import org.outagedesk.base.ui.Words;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.impact.AffectedSubscriber;
import org.outagedesk.impact.ImpactFilter;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.ResponseActionTaken;
import org.outagedesk.incident.TimelineEntryType;
import org.outagedesk.incident.Visibility;
import org.outagedesk.outbox.Channel;
import org.outagedesk.outbox.MessageStatus;
import org.outagedesk.outbox.OutboundMessage;
import org.outagedesk.outbox.OutboxMessage;
import org.outagedesk.outbox.OutboxService;
import org.outagedesk.outbox.SmppProperties;
import org.outagedesk.outbox.SmsText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Customer notices: compose, preview, submit, approval by a second incident manager (which starts sending in the
 * background), pause, resume, cancel, resend the failed ones; their progress; a subscriber's notices. Incident
 * managers run notices; agents see a subscriber's notices; executives the figures.
 */
@Service
@Transactional(readOnly = true)
public class NoticeService {

    public static final String SUBSCRIBER = "hasAnyRole('" + AppRoles.AGENT + "','" + AppRoles.INCIDENT_MANAGER + "')";
    public static final String FIGURES = "hasAnyRole('" + AppRoles.INCIDENT_MANAGER + "','" + AppRoles.EXECUTIVE + "')";

    private final CustomerNoticeRepository notices;
    private final OutboxService outbox;
    private final ImpactService impacts;
    private final IncidentService incidents;
    private final NoticeRunner runner;
    private final NoticeProperties settings;
    private final SmppProperties smpp;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CatalogService catalog;

    NoticeService(CustomerNoticeRepository notices, OutboxService outbox, ImpactService impacts,
            IncidentService incidents, NoticeRunner runner, NoticeProperties settings, SmppProperties smpp,
            AuditService audit, ApplicationEventPublisher events, Clock clock, CatalogService catalog) {
        this.catalog = catalog;
        this.notices = notices;
        this.outbox = outbox;
        this.impacts = impacts;
        this.incidents = incidents;
        this.runner = runner;
        this.settings = settings;
        this.smpp = smpp;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

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
        return details(notice);
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
        CustomerNotice notice = notice(id);
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

    @Transactional
    @IncidentManagersOnly
    public NoticeDetails submit(long id) {
        CustomerNotice notice = notice(id);
        notice.submit(clock.instant());
        audit.record("NOTICE_SUBMITTED", "CustomerNotice", id, notice.getName());
        notices.flush();
        String by = CurrentActor.username();
        events.publishEvent(new ApprovalRequested("notice", id, notice.getIncidentId(),
                "Customer notice '" + notice.getName() + "'", by, List.of(by, notice.getCreatedBy()),
                "notices"));
        return details(notice);
    }

    /** Approves a submitted notice (not by its author); it starts going out once committed. */
    @Transactional
    @IncidentManagersOnly
    public NoticeDetails approve(long id) {
        CustomerNotice notice = notice(id);
        Instant now = clock.instant();
        String by = CurrentActor.username();
        notice.approve(by, now);
        String text = "Customer notice '" + notice.getName() + "' (" + notice.getChannels().label() + ", composed by "
                + notice.getCreatedBy() + ") approved by " + by + " and sending to " + notice.filter().describe()
                + (notice.isUrgent() ? ", urgent (quiet hours ignored)." : ".");
        audit.record("NOTICE_APPROVED", "CustomerNotice", id, text);
        events.publishEvent(new ResponseActionTaken(notice.getIncidentId(), TimelineEntryType.CUSTOMER_NOTICE, now,
                Visibility.INTERNAL, text, by));
        notices.flush();
        afterCommit(() -> runner.start(id));
        return details(notice);
    }

    @Transactional
    @IncidentManagersOnly
    public NoticeDetails reject(long id, @Nullable String reason) {
        CustomerNotice notice = notice(id);
        notice.reject(CurrentActor.username(), reason, clock.instant());
        audit.record("NOTICE_REJECTED", "CustomerNotice", id, notice.getName() + ": " + notice.getRejectReason());
        notices.flush();
        return details(notice);
    }

    @Transactional
    @IncidentManagersOnly
    public NoticeDetails pause(long id) {
        CustomerNotice notice = notice(id);
        notice.pause();
        outbox.pause(notice.eventKey());
        audit.record("NOTICE_PAUSED", "CustomerNotice", id, notice.getName());
        notices.flush();
        return details(notice);
    }

    @Transactional
    @IncidentManagersOnly
    public NoticeDetails resume(long id) {
        CustomerNotice notice = notice(id);
        notice.resume();
        outbox.resume(notice.eventKey());
        audit.record("NOTICE_RESUMED", "CustomerNotice", id, notice.getName());
        notices.flush();
        afterCommit(() -> runner.start(id));
        return details(notice);
    }

    /** Stops the notice: what is still queued is skipped, what was sent stays sent. */
    @Transactional
    @IncidentManagersOnly
    public NoticeDetails cancel(long id) {
        CustomerNotice notice = notice(id);
        Instant now = clock.instant();
        notice.cancel(now);
        int skipped = outbox.cancel(notice.eventKey());
        String text = "Customer notice '" + notice.getName() + "' cancelled by " + CurrentActor.username() + ": "
                + Words.count(skipped, "message") + " not sent. " + describe(outbox.counts(notice.eventKey()));
        audit.record("NOTICE_CANCELLED", "CustomerNotice", id, text);
        events.publishEvent(new ResponseActionTaken(notice.getIncidentId(), TimelineEntryType.CUSTOMER_NOTICE, now,
                Visibility.INTERNAL, text, CurrentActor.username()));
        notices.flush();
        return details(notice);
    }

    @Transactional
    @IncidentManagersOnly
    public NoticeDetails resendFailed(long id, boolean includeInDoubt) {
        CustomerNotice notice = notice(id);
        notice.resendFailed();
        outbox.resume(notice.eventKey());
        long inDoubt = includeInDoubt ? 0 : outbox.inDoubt(notice.eventKey());
        int n = outbox.resendFailed(notice.eventKey(), includeInDoubt);
        audit.record("NOTICE_RESENT", "CustomerNotice", id, notice.getName() + ": " + Words.count(n, "failed message")
                + " queued again" + (inDoubt > 0 ? "; " + Words.count(inDoubt, "message") + " in doubt left as "
                        + (inDoubt == 1 ? "it is" : "they are") : ""));
        notices.flush();
        afterCommit(() -> runner.start(id));
        return details(notice);
    }

    @IncidentManagersOnly
    public NoticeDetails get(long id) {
        return details(notice(id));
    }

    @IncidentManagersOnly
    public List<NoticeDetails> ofIncident(long incidentId) {
        incidents.get(incidentId);
        return notices.findByIncidentIdOrderByIdDesc(incidentId).stream().map(this::details).toList();
    }

    @IncidentManagersOnly
    public List<NoticeMessage> messages(long id, @Nullable MessageStatus status, int page, int size) {
        CustomerNotice notice = notice(id);
        int s = Math.min(Math.max(size, 1), 500);
        return outbox.messages(notice.eventKey(), status, (long) Math.max(page, 0) * s, s).stream()
                .map(NoticeService::message).toList();
    }

    @IncidentManagersOnly
    public long messageCount(long id, @Nullable MessageStatus status) {
        return outbox.count(notice(id).eventKey(), status);
    }

    /** Every message of the notice, streamed one at a time (the delivery report). Runs in one read transaction. */
    @IncidentManagersOnly
    public void forEachMessage(long id, Consumer<NoticeMessage> each) {
        outbox.forEachMessage(notice(id).eventKey(), m -> each.accept(message(m)));
    }

    /** The notices sent (or meant) for a subscriber, newest first: for the agent on the phone. */
    @PreAuthorize(SUBSCRIBER)
    public List<SubscriberNotice> ofSubscriber(String msisdn) {
        long subscriberId = impacts.subscriberId(msisdn);
        Map<Long, CustomerNotice> byId = new HashMap<>();
        List<SubscriberNotice> out = new ArrayList<>();
        for (OutboxMessage m : outbox.ofSubscriber(subscriberId, NoticeComposer.KIND, 100)) {
            long noticeId = Long.parseLong(m.eventKey().substring("NOTICE:".length()));
            CustomerNotice n = byId.computeIfAbsent(noticeId, k -> notices.findById(k).orElse(null));
            if (n == null) {
                continue;
            }
            out.add(new SubscriberNotice(noticeId, n.getIncidentId(), n.getName(), m.channel().name(),
                    m.channel().label(), m.status(), m.status().label(), reason(m), m.queuedAt(), m.sentAt(),
                    m.doneAt()));
        }
        return out;
    }

    /** How many subscribers' messages of the incident's notices went out, and how many were delivered. */
    @PreAuthorize(FIGURES)
    public NoticeFigures figures(long incidentId) {
        long notified = 0;
        long delivered = 0;
        for (CustomerNotice n : notices.findByIncidentIdOrderByIdDesc(incidentId)) {
            Map<MessageStatus, Long> c = outbox.counts(n.eventKey());
            notified += c.get(MessageStatus.SENT) + c.get(MessageStatus.DELIVERED) + c.get(MessageStatus.FAILED)
                    + c.get(MessageStatus.EXPIRED);
            delivered += c.get(MessageStatus.DELIVERED);
        }
        return new NoticeFigures(notified, delivered);
    }

    static String describe(Map<MessageStatus, Long> counts) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<MessageStatus, Long> e : counts.entrySet()) {
            if (e.getValue() > 0) {
                b.append(b.isEmpty() ? "" : ", ").append(e.getValue()).append(' ')
                        .append(e.getKey().label().toLowerCase(Locale.ROOT));
            }
        }
        return b.isEmpty() ? "No messages." : b + ".";
    }

    private static @Nullable String reason(OutboxMessage m) {
        return m.status() == MessageStatus.SKIPPED ? m.skipReason() : m.lastError();
    }

    private static NoticeMessage message(OutboxMessage m) {
        return new NoticeMessage(m.id(), m.subscriberId() == null ? 0 : m.subscriberId(), m.channel().name(),
                m.address() == null ? "" : m.address(), m.status(), m.status().label(), reason(m), m.attempts(),
                m.smsParts(), m.queuedAt(), m.notBefore(), m.sentAt(), m.doneAt());
    }

    NoticeDetails details(CustomerNotice n) {
        Map<MessageStatus, Long> counts = outbox.counts(n.eventKey());
        Map<String, Long> c = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<MessageStatus, Long> e : counts.entrySet()) {
            c.put(e.getKey().name(), e.getValue());
            total += e.getValue();
        }
        Map<String, Map<String, Long>> byChannel = new LinkedHashMap<>();
        for (Map.Entry<Channel, Map<MessageStatus, Long>> e : outbox.countsByChannel(n.eventKey()).entrySet()) {
            Map<String, Long> m = new LinkedHashMap<>();
            e.getValue().forEach((k, v) -> m.put(k.name(), v));
            byChannel.put(e.getKey().name(), m);
        }
        return new NoticeDetails(n.getId(), n.getIncidentId(), n.getName(), n.getStatus(), n.getStatus().label(),
                n.getChannels(), n.isUrgent(), n.filter().describe(), n.getSmsTemplate(), n.getEmailSubject(),
                n.getEmailBody(), n.getCreatedBy(), n.getCreatedAt(), n.getSubmittedAt(), n.getDecidedBy(),
                n.getDecidedAt(), n.getRejectReason(), n.getEnqueuedAt() != null, n.getFinishedAt(), c, byChannel,
                total, n.getStatus() == NoticeStatus.SENDING ? outbox.sendRate(n.eventKey()) : 0,
                n.getChannels().texts() ? outbox.downSince(Channel.SMS) : null,
                n.getChannels().emails() ? outbox.downSince(Channel.EMAIL) : null,
                c.getOrDefault("FAILED", 0L) > 0 ? outbox.inDoubt(n.eventKey()) : 0);
    }

    private CustomerNotice notice(long id) {
        return notices.findById(id).orElseThrow(() -> new NotFoundException("Notice", id));
    }

    private static void afterCommit(Runnable r) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                r.run();
            }
        });
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
