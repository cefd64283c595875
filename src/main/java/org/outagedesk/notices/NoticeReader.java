package org.outagedesk.notices;

import java.util.LinkedHashMap;
import java.util.Map;
import org.outagedesk.base.NotFoundException;
import org.outagedesk.outbox.Channel;
import org.outagedesk.outbox.MessageStatus;
import org.outagedesk.outbox.OutboxService;
import org.springframework.stereotype.Component;

/**
 * A notice as the screens and the API see it: found by id, with what the outbox holds of its messages (counts by
 * status and channel, send rate, channels down, messages in doubt). Shared by {@link NoticeService} (lifecycle,
 * reading) and {@link NoticeComposeService} (composing), which both answer with the notice's details; no role checks
 * here, its callers make them.
 */
@Component
class NoticeReader {

    private final CustomerNoticeRepository notices;
    private final OutboxService outbox;

    NoticeReader(CustomerNoticeRepository notices, OutboxService outbox) {
        this.notices = notices;
        this.outbox = outbox;
    }

    CustomerNotice notice(long id) {
        return notices.findById(id).orElseThrow(() -> new NotFoundException("Notice", id));
    }

    /** The notice with its messages' figures, read from the outbox at every call. */
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
}
