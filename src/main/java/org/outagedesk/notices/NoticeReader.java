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

    /**
     * The notice with its messages' figures, read from the outbox at every call: the counts by status are the sums
     * of those by channel and status, one read of the outbox's index (at a million messages on H2, two reads took
     * 4.5 s, the one 0.5 to 1 s).
     */
    NoticeDetails details(CustomerNotice n) {
        Map<String, Long> c = new LinkedHashMap<>();
        for (MessageStatus s : MessageStatus.values()) {
            c.put(s.name(), 0L);
        }
        long total = 0;
        Map<String, Map<String, Long>> byChannel = new LinkedHashMap<>();
        for (Map.Entry<Channel, Map<MessageStatus, Long>> e : outbox.countsByChannel(n.eventKey()).entrySet()) {
            Map<String, Long> m = new LinkedHashMap<>();
            for (Map.Entry<MessageStatus, Long> s : e.getValue().entrySet()) {
                m.put(s.getKey().name(), s.getValue());
                c.merge(s.getKey().name(), s.getValue(), Long::sum);
                total += s.getValue();
            }
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
