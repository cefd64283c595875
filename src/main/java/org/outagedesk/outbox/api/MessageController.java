package org.outagedesk.outbox.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.api.PageResponse;
import org.outagedesk.outbox.MessageKinds;
import org.outagedesk.outbox.MessagePage;
import org.outagedesk.outbox.MessageStatus;
import org.outagedesk.outbox.OutboxMessage;
import org.outagedesk.outbox.OutboxService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every outbound message: customer notices and the store and team e-mails. Incident managers only. */
@RestController
@PreAuthorize("isAuthenticated()")
@Tag(name = "Messages", description = "Every outbound message (notices, store and team e-mails) and its status")
class MessageController {

    private final OutboxService outbox;

    MessageController(OutboxService outbox) {
        this.outbox = outbox;
    }

    /** A message as the list shows it (no body: the list is for tracking; statuses in words). */
    record MessageRow(long id, String kind, String eventKey, String recipient, String channel,
            @Nullable String address, @Nullable String subject, String status, String statusLabel,
            @Nullable String skipReason, int attempts, @Nullable String lastError, Instant queuedAt,
            @Nullable Instant sentAt, @Nullable Instant doneAt) {

        static MessageRow of(OutboxMessage m) {
            return new MessageRow(m.id(), m.kind(), m.eventKey(), m.recipientKey(), m.channel().name(), m.address(),
                    m.subject(), m.status().name(), m.status().label(), m.skipReason(), m.attempts(), m.lastError(),
                    m.queuedAt(), m.sentAt(), m.doneAt());
        }
    }

    @GetMapping("/api/messages")
    @Operation(summary = "Every outbound message, newest first, by incident, kind, recipient and status"
            + " (incident managers)")
    PageResponse<MessageRow> list(@RequestParam(required = false) @Nullable Long incidentId,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String recipient,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || page > 1_000_000) {
            throw new DomainException("page", "page is from 0 to 1,000,000");
        }
        if (size < 1 || size > 500) {
            throw new DomainException("size", "size is from 1 to 500");
        }
        String k = kind == null || kind.isBlank() ? null : kind.strip().toUpperCase(Locale.ROOT);
        if (k != null && !MessageKinds.ALL.contains(k)) {
            throw new DomainException("kind", "kind is one of " + String.join(", ", MessageKinds.ALL));
        }
        MessageStatus s = null;
        if (status != null && !status.isBlank()) {
            s = MessageStatus.parseOrNull(status.length() > 20 ? "" : status);
            if (s == null) {
                throw new DomainException("status", "status is one of QUEUED, SENDING, SENT, DELIVERED, FAILED,"
                        + " EXPIRED, SKIPPED");
            }
        }
        String r = recipient == null || recipient.isBlank() ? null : recipient.strip();
        if (r != null && r.length() > 320) {
            throw new DomainException("recipient", "recipient is at most 320 characters");
        }
        MessagePage found = outbox.search(incidentId, k, r, s, page, size);
        List<MessageRow> content = found.messages().stream().map(MessageRow::of).toList();
        long total = found.total();
        return new PageResponse<>(content, page, size, total, (int) ((total + size - 1) / size));
    }
}
