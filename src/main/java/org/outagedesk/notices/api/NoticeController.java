package org.outagedesk.notices.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.api.PageResponse;
import org.outagedesk.impact.ImpactFilter;
import org.outagedesk.notices.NewNotice;
import org.outagedesk.notices.NoticeDetails;
import org.outagedesk.notices.NoticeMessage;
import org.outagedesk.notices.NoticePreview;
import org.outagedesk.notices.NoticeService;
import org.outagedesk.notices.SubscriberNotice;
import org.outagedesk.outbox.MessageStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customer notices on the API. Roles are checked by {@link NoticeService}: incident managers compose, approve and run
 * notices; agents (and incident managers) read a subscriber's notices.
 */
@RestController
@PreAuthorize("isAuthenticated()")
@Tag(name = "Customer notices", description = "Tell affected subscribers by SMS and e-mail: compose, preview,"
        + " submit, approve (a second incident manager), pause, resume, cancel, resend the failed ones")
class NoticeController {

    private final NoticeService notices;

    NoticeController(NoticeService notices) {
        this.notices = notices;
    }

    /** The subscriber list's filter fields. */
    record FilterRequest(@Nullable List<String> status, @Nullable String category, @Nullable String sku,
            @Nullable String region, @Nullable String store, @Nullable Boolean contacted, @Nullable String q) {
    }

    record NoticeRequest(@Nullable Long incidentId, @Nullable String name, @Nullable FilterRequest filter,
            @Nullable List<String> channels, @Nullable Boolean fallback, @Nullable String sms,
            @Nullable String emailSubject, @Nullable String emailBody, @Nullable Boolean urgent) {
    }

    record ResendRequest(@Nullable Boolean includeInDoubt) {
    }

    record ReasonRequest(@Nullable String reason) {
    }

    @PostMapping("/api/notices")
    @Operation(summary = "Compose a notice in DRAFT (incident managers)", description = "channels: SMS and/or"
            + " EMAIL; fallback true: text, else e-mail. Templates may use {name}, {categories}, {statusText},"
            + " {credit}, {advisoryUrl}; any other placeholder is refused, named.")
    ResponseEntity<NoticeDetails> create(@RequestBody NoticeRequest body) {
        FilterRequest f = body.filter();
        ImpactFilter filter = f == null ? ImpactFilter.all() : ImpactFilter.parse(f.status(), f.category(),
                f.sku(), f.region(), f.store(), f.contacted(), f.q());
        return ResponseEntity.status(HttpStatus.CREATED).body(notices.create(new NewNotice(body.incidentId(),
                body.name(), filter, body.channels(), body.fallback(), body.sms(), body.emailSubject(),
                body.emailBody(), body.urgent())));
    }

    @GetMapping("/api/notices")
    @Operation(summary = "The notices of an incident, newest first, with their counts (incident managers)")
    List<NoticeDetails> ofIncident(@RequestParam long incidentId) {
        return notices.ofIncident(incidentId);
    }

    @GetMapping("/api/notices/{id}")
    @Operation(summary = "A notice with its counts per message status and its send rate (incident managers)")
    NoticeDetails get(@PathVariable long id) {
        return notices.get(id);
    }

    @PostMapping("/api/notices/{id}/preview")
    @Operation(summary = "What the notice would send now: recipients per channel, skipped and why, SMS parts,"
            + " three samples; writes nothing (incident managers)")
    NoticePreview preview(@PathVariable long id) {
        return notices.preview(id);
    }

    @PostMapping("/api/notices/{id}/submit")
    @Operation(summary = "Submit for approval (incident managers)")
    NoticeDetails submit(@PathVariable long id) {
        return notices.submit(id);
    }

    @PostMapping("/api/notices/{id}/approve")
    @Operation(summary = "Approve and start sending (another incident manager than its author)")
    NoticeDetails approve(@PathVariable long id) {
        return notices.approve(id);
    }

    @PostMapping("/api/notices/{id}/reject")
    @Operation(summary = "Reject with a reason (another incident manager than its author)")
    NoticeDetails reject(@PathVariable long id, @RequestBody(required = false) @Nullable ReasonRequest body) {
        return notices.reject(id, body == null ? null : body.reason());
    }

    @PostMapping("/api/notices/{id}/pause")
    @Operation(summary = "Hold the messages not sent yet (incident managers)")
    NoticeDetails pause(@PathVariable long id) {
        return notices.pause(id);
    }

    @PostMapping("/api/notices/{id}/resume")
    @Operation(summary = "Go on sending a paused notice (incident managers)")
    NoticeDetails resume(@PathVariable long id) {
        return notices.resume(id);
    }

    @PostMapping("/api/notices/{id}/cancel")
    @Operation(summary = "Stop: what is queued is skipped, what was sent stays sent (incident managers)")
    NoticeDetails cancel(@PathVariable long id) {
        return notices.cancel(id);
    }

    @PostMapping("/api/notices/{id}/resend-failed")
    @Operation(summary = "Queue the failed and expired messages again (incident managers); those in doubt (they may"
            + " have reached the subscriber) only with {\"includeInDoubt\": true}")
    NoticeDetails resendFailed(@PathVariable long id, @RequestBody(required = false) @Nullable ResendRequest body) {
        return notices.resendFailed(id, body != null && Boolean.TRUE.equals(body.includeInDoubt()));
    }

    @GetMapping("/api/notices/{id}/messages")
    @Operation(summary = "A page of the notice's messages, optionally of one status (incident managers)")
    PageResponse<NoticeMessage> messages(@PathVariable long id, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        MessageStatus s = null;
        if (status != null && !status.isBlank()) {
            s = MessageStatus.parseOrNull(status);
            if (s == null) {
                throw new DomainException("status", "Not a message status: use one of "
                        + List.of(MessageStatus.values()));
            }
        }
        if (page < 0 || page > 1_000_000) {
            throw new DomainException("page", "page is from 0 to 1,000,000");
        }
        if (size < 1 || size > 500) {
            throw new DomainException("size", "size is from 1 to 500");
        }
        List<NoticeMessage> content = notices.messages(id, s, page, size);
        long total = notices.messageCount(id, s);
        return new PageResponse<>(content, page, size, total, (int) Math.min(Integer.MAX_VALUE, (total + size - 1)
                / size));
    }

    @GetMapping("/api/subscribers/{msisdn}/notices")
    @Operation(summary = "The notices sent to a subscriber, newest first, with delivery status and time (agents,"
            + " incident managers)")
    List<SubscriberNotice> ofSubscriber(@PathVariable String msisdn) {
        return notices.ofSubscriber(msisdn);
    }
}
