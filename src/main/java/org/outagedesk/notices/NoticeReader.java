package org.outagedesk.notices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.outagedesk.base.FigureCache;
import org.outagedesk.base.FigureSettings;
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

    /** Figures older than this are said to be kept ({@link NoticeDetails#figuresKept}). */
    private static final Duration KEPT = Duration.ofSeconds(1);

    private final CustomerNoticeRepository notices;
    private final OutboxService outbox;
    private final Clock clock;

    /**
     * The counts and the in-doubt count of a notice, kept where reading them takes long (a million messages: 0.5 to
     * 1 s for the counts, 0.7 s more for those in doubt, on H2) as FigureCache says: the notices screen asks every
     * two seconds for every notice of the incident, and each manager watching a big notice being sent took a third
     * to half a core from its sending. Keyed by the notice's state, so a notice that has just finished, been paused
     * or cancelled is counted afresh.
     */
    private final FigureCache<FiguresKey> figures;

    private record FiguresKey(long notice, NoticeStatus status, boolean allQueued) {
    }

    /** What is kept of a notice's messages, and when it was read. */
    private record Figures(Map<Channel, Map<MessageStatus, Long>> byChannel, long inDoubt, Instant asOf) {
    }

    NoticeReader(CustomerNoticeRepository notices, OutboxService outbox, Clock clock, FigureSettings figureSettings) {
        this.notices = notices;
        this.outbox = outbox;
        this.clock = clock;
        this.figures = figureSettings.cache();
    }

    CustomerNotice notice(long id) {
        return notices.findById(id).orElseThrow(() -> new NotFoundException("Notice", id));
    }

    /**
     * The notice with its messages' figures, read from the outbox (or kept, see {@link #figures}): the counts by
     * status are the sums of those by channel and status, one read of the outbox's index (at a million messages on
     * H2, two reads took 4.5 s, the one 0.5 to 1 s). The send rate and the channels' state are read at every call.
     */
    NoticeDetails details(CustomerNotice n) {
        String event = n.eventKey();
        Figures f = figures.get(new FiguresKey(n.getId(), n.getStatus(), n.getEnqueuedAt() != null), () -> {
            Instant asOf = clock.instant();
            Map<Channel, Map<MessageStatus, Long>> counts = outbox.countsByChannel(event);
            boolean failed = counts.values().stream().anyMatch(m -> m.getOrDefault(MessageStatus.FAILED, 0L) > 0);
            return new Figures(counts, failed ? outbox.inDoubt(event) : 0, asOf);
        });
        Map<String, Long> c = new LinkedHashMap<>();
        for (MessageStatus s : MessageStatus.values()) {
            c.put(s.name(), 0L);
        }
        long total = 0;
        Map<String, Map<String, Long>> byChannel = new LinkedHashMap<>();
        for (Map.Entry<Channel, Map<MessageStatus, Long>> e : f.byChannel().entrySet()) {
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
                total, n.getStatus() == NoticeStatus.SENDING ? outbox.sendRate(event) : 0,
                n.getChannels().texts() ? outbox.downSince(Channel.SMS) : null,
                n.getChannels().emails() ? outbox.downSince(Channel.EMAIL) : null, f.inDoubt(), f.asOf(),
                Duration.between(f.asOf(), clock.instant()).compareTo(KEPT) > 0,
                n.getStatus() == NoticeStatus.SENDING && outbox.resending(event));
    }
}
