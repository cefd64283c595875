package org.outagedesk.notices;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.AfterCommit;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.ApprovalRequested;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.base.ui.Words;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.ResponseActionTaken;
import org.outagedesk.incident.TimelineEntryType;
import org.outagedesk.incident.Visibility;
import org.outagedesk.outbox.MessageStatus;
import org.outagedesk.outbox.OutboxMessage;
import org.outagedesk.outbox.OutboxService;
import org.outagedesk.outbox.ResendRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer notices after they are composed: submit, approval by a second incident manager (which starts sending in
 * the background), rejection, pause, resume, cancel, resend the failed ones; their progress and messages; a
 * subscriber's notices; an incident's figures. Incident managers run notices; agents see a subscriber's notices;
 * executives the figures. Composing and previewing a draft are {@link NoticeComposeService}'s; the methods for them
 * here hand the call there, so the screens and the API keep one service to ask.
 */
@Service
@Transactional(readOnly = true)
public class NoticeService {

    public static final String SUBSCRIBER = "hasAnyRole('" + AppRoles.AGENT + "','" + AppRoles.INCIDENT_MANAGER + "')";
    public static final String FIGURES = "hasAnyRole('" + AppRoles.INCIDENT_MANAGER + "','" + AppRoles.EXECUTIVE + "')";

    private final CustomerNoticeRepository notices;
    private final NoticeReader reader;
    private final NoticeComposeService composer;
    private final OutboxService outbox;
    private final ImpactService impacts;
    private final IncidentService incidents;
    private final NoticeRunner runner;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NoticeService(CustomerNoticeRepository notices, NoticeReader reader, NoticeComposeService composer,
            OutboxService outbox, ImpactService impacts, IncidentService incidents, NoticeRunner runner,
            AuditService audit, ApplicationEventPublisher events, Clock clock) {
        this.notices = notices;
        this.reader = reader;
        this.composer = composer;
        this.outbox = outbox;
        this.impacts = impacts;
        this.incidents = incidents;
        this.runner = runner;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Composes a draft notice; checked here, sent only once another incident manager approves it. */
    @Transactional
    @IncidentManagersOnly
    public NoticeDetails create(NewNotice request) {
        return composer.create(request);
    }

    /** What the notice would do if it went now; writes nothing. Walks the whole audience in batches. */
    @IncidentManagersOnly
    public NoticePreview preview(long id) {
        return composer.preview(id);
    }

    @Transactional
    @IncidentManagersOnly
    public NoticeDetails submit(long id) {
        CustomerNotice notice = reader.notice(id);
        notice.submit(clock.instant());
        audit.record("NOTICE_SUBMITTED", "CustomerNotice", id, notice.getName());
        notices.flush();
        String by = CurrentActor.username();
        events.publishEvent(new ApprovalRequested("notice", id, notice.getIncidentId(),
                "Customer notice '" + notice.getName() + "'", by, List.of(by, notice.getCreatedBy()),
                "notices"));
        return reader.details(notice);
    }

    /** Approves a submitted notice (not by its author); it starts going out once committed. */
    @Transactional
    @IncidentManagersOnly
    public NoticeDetails approve(long id) {
        CustomerNotice notice = reader.notice(id);
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
        AfterCommit.run(() -> runner.start(id));
        return reader.details(notice);
    }

    @Transactional
    @IncidentManagersOnly
    public NoticeDetails reject(long id, @Nullable String reason) {
        CustomerNotice notice = reader.notice(id);
        notice.reject(CurrentActor.username(), reason, clock.instant());
        audit.record("NOTICE_REJECTED", "CustomerNotice", id, notice.getName() + ": " + notice.getRejectReason());
        notices.flush();
        return reader.details(notice);
    }

    @Transactional
    @IncidentManagersOnly
    public NoticeDetails pause(long id) {
        CustomerNotice notice = reader.notice(id);
        notice.pause();
        outbox.pause(notice.eventKey());
        audit.record("NOTICE_PAUSED", "CustomerNotice", id, notice.getName());
        notices.flush();
        return reader.details(notice);
    }

    @Transactional
    @IncidentManagersOnly
    public NoticeDetails resume(long id) {
        CustomerNotice notice = reader.notice(id);
        notice.resume();
        outbox.resume(notice.eventKey());
        audit.record("NOTICE_RESUMED", "CustomerNotice", id, notice.getName());
        notices.flush();
        AfterCommit.run(() -> runner.start(id));
        return reader.details(notice);
    }

    /** Stops the notice: what is still queued is skipped, what was sent stays sent. */
    @Transactional
    @IncidentManagersOnly
    public NoticeDetails cancel(long id) {
        CustomerNotice notice = reader.notice(id);
        Instant now = clock.instant();
        notice.cancel(now);
        outbox.cancel(notice.eventKey());
        // the queued ones are skipped in the background, a batch at a time: said as they will be
        Map<MessageStatus, Long> counts = outbox.counts(notice.eventKey());
        long skipped = counts.put(MessageStatus.QUEUED, 0L);
        counts.merge(MessageStatus.SKIPPED, skipped, Long::sum);
        String text = "Customer notice '" + notice.getName() + "' cancelled by " + CurrentActor.username() + ": "
                + Words.count(skipped, "message") + " not sent. " + describe(counts);
        audit.record("NOTICE_CANCELLED", "CustomerNotice", id, text);
        events.publishEvent(new ResponseActionTaken(notice.getIncidentId(), TimelineEntryType.CUSTOMER_NOTICE, now,
                Visibility.INTERNAL, text, CurrentActor.username()));
        notices.flush();
        return reader.details(notice);
    }

    @Transactional
    @IncidentManagersOnly
    public NoticeDetails resendFailed(long id, boolean includeInDoubt) {
        CustomerNotice notice = reader.notice(id);
        notice.resendFailed();
        outbox.resume(notice.eventKey());
        ResendRequested asked = outbox.resendFailed(notice.eventKey(), includeInDoubt);
        long inDoubt = asked.inDoubtLeft();
        audit.record("NOTICE_RESENT", "CustomerNotice", id, notice.getName() + ": " + Words.count(asked.toSend(),
                "failed message") + " to send again" + (inDoubt > 0 ? "; " + Words.count(inDoubt, "message")
                        + " in doubt left as " + (inDoubt == 1 ? "it is" : "they are") : ""));
        notices.flush();
        AfterCommit.run(() -> runner.start(id));
        return reader.details(notice);
    }

    @IncidentManagersOnly
    public NoticeDetails get(long id) {
        return reader.details(reader.notice(id));
    }

    @IncidentManagersOnly
    public List<NoticeDetails> ofIncident(long incidentId) {
        incidents.get(incidentId);
        return notices.findByIncidentIdOrderByIdDesc(incidentId).stream().map(reader::details).toList();
    }

    @IncidentManagersOnly
    public List<NoticeMessage> messages(long id, @Nullable MessageStatus status, int page, int size) {
        CustomerNotice notice = reader.notice(id);
        int s = Math.min(Math.max(size, 1), 500);
        return outbox.messages(notice.eventKey(), status, (long) Math.max(page, 0) * s, s).stream()
                .map(NoticeService::message).toList();
    }

    @IncidentManagersOnly
    public long messageCount(long id, @Nullable MessageStatus status) {
        return outbox.count(reader.notice(id).eventKey(), status);
    }

    /** Every message of the notice, streamed one at a time (the delivery report). Runs in one read transaction. */
    @IncidentManagersOnly
    public void forEachMessage(long id, Consumer<NoticeMessage> each) {
        outbox.forEachMessage(reader.notice(id).eventKey(), m -> each.accept(message(m)));
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

}
