package org.outagedesk.credits.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.Money;
import org.outagedesk.base.api.PageResponse;
import org.outagedesk.base.api.Paging;
import org.outagedesk.credits.CreditRecord;
import org.outagedesk.credits.CreditService;
import org.outagedesk.credits.CreditStatus;
import org.outagedesk.credits.CreditSummary;
import org.outagedesk.credits.IssuedCredit;
import org.outagedesk.credits.NewCredit;
import org.outagedesk.credits.ReasonCode;
import org.outagedesk.credits.SubscriberCreditList;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Single credits on the API. Roles are checked by {@link CreditService}; here only that the caller is signed in. */
@RestController
@PreAuthorize("isAuthenticated()")
@Tag(name = "Credits", description = "Compensation credits to subscribers: issue (idempotent), approve, reject,"
        + " reverse, list, totals")
class CreditController {

    private static final int MAX_PAGE_SIZE = 500;

    private final CreditService credits;

    CreditController(CreditService credits) {
        this.credits = credits;
    }

    record CreditRequest(@Nullable String msisdn, @Nullable Long incidentId, @Nullable String reasonCode,
            @Nullable Money amount, @Nullable String note) {
    }

    record ReasonRequest(@Nullable String reason) {
    }

    @PostMapping("/api/credits")
    @Operation(summary = "Issue a credit (agents, incident managers)", description = "Within the caller's limit it is"
            + " ISSUED (201), above it PENDING_APPROVAL. Refused (409) when it would pass the per-subscriber cap of the"
            + " incident; the message gives the room left. With an Idempotency-Key header the same key and request"
            + " return the first credit (200, header Idempotent-Replayed: true); the same key with another request is"
            + " refused with 409.")
    ResponseEntity<CreditRecord> issue(
            @Parameter(description = "A unique key per credit the client means to give, e.g. a UUID")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @RequestBody CreditRequest body) {
        IssuedCredit result = credits.issue(new NewCredit(body.msisdn(), body.incidentId(), body.reasonCode(),
                Dollars.of(body.amount(), "amount"), body.note()), key);
        return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .header("Idempotent-Replayed", String.valueOf(result.replayed())).body(result.credit());
    }

    @PostMapping("/api/credits/{id}/approve")
    @Operation(summary = "Approve a pending credit (incident managers, never the one who asked)")
    CreditRecord approve(@PathVariable long id) {
        return credits.approve(id);
    }

    @PostMapping("/api/credits/{id}/reject")
    @Operation(summary = "Reject a pending credit with a reason (incident managers, never the one who asked)")
    CreditRecord reject(@PathVariable long id, @RequestBody ReasonRequest body) {
        return credits.reject(id, body.reason());
    }

    @PostMapping("/api/credits/{id}/reverse")
    @Operation(summary = "Reverse an issued credit with a reason (incident managers)",
            description = "Adds a compensating entry (negative amount) and marks the credit REVERSED; returns the entry")
    ResponseEntity<CreditRecord> reverse(@PathVariable long id, @RequestBody ReasonRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(credits.reverse(id, body.reason()));
    }

    @GetMapping("/api/credits/{id}")
    @Operation(summary = "One credit or reversal (agents, incident managers, executives)")
    CreditRecord get(@PathVariable long id) {
        return credits.get(id);
    }

    @GetMapping("/api/credits")
    @Operation(summary = "Credits, newest first, by status and/or incident (incident managers, executives)")
    PageResponse<CreditRecord> list(@RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Long incidentId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        CreditStatus parsed = null;
        if (status != null && !status.isBlank()) {
            try {
                parsed = CreditStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new DomainException("status", "'" + status + "' is not one of "
                        + List.of(CreditStatus.values()));
            }
        }
        return PageResponse.of(credits.find(parsed, incidentId, Paging.of(page, size, MAX_PAGE_SIZE,
                Sort.by(Sort.Direction.DESC, "requestedAt"))), c -> c);
    }

    @GetMapping("/api/subscribers/{msisdn}/credits")
    @Operation(summary = "A subscriber's credits and reversals, newest first, and per incident the net total, the cap"
            + " and the room left under it (agents, incident managers, executives)", description = "With incidentId:"
            + " that incident's credits and its room (404 when the subscriber is not in it); without: every credit and"
            + " the room in each incident that has one. A short list (a subscriber has a handful of credits): not"
            + " a page.")
    SubscriberCreditList ofSubscriber(@PathVariable String msisdn,
            @RequestParam(required = false) @Nullable Long incidentId) {
        return credits.creditList(msisdn, incidentId);
    }

    @GetMapping("/api/incidents/{id}/credits/summary")
    @Operation(summary = "Totals of an incident's credits by reason code and status (incident managers, executives)")
    CreditSummary summary(@PathVariable long id) {
        return credits.summary(id);
    }

    @GetMapping("/api/credit-reasons")
    @Operation(summary = "The reason codes credits may use (agents, incident managers, executives)")
    List<ReasonCode> reasons() {
        return credits.reasonCodes();
    }
}
