package org.outagedesk.base;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Something now waits for an incident manager's approval: a credit above its requester's limit, a submitted campaign
 * or customer notice. Published in the submitter's transaction; the team e-mails tell the other incident managers.
 *
 * @param item        "credit", "campaign" or "notice" (with {@code itemId}, what the approval is about)
 * @param incidentId  the incident it belongs to
 * @param summary     one line a person reads ("Campaign 'October credit' for Sidekick outage")
 * @param notTo       usernames who may not approve it (the submitter, the author): they get no e-mail
 * @param screen      the console route where it is approved ("credits/approvals", "campaigns", "notices")
 */
public record ApprovalRequested(String item, long itemId, @Nullable Long incidentId, String summary,
        String requestedBy, List<String> notTo, String screen) {

    public ApprovalRequested {
        notTo = List.copyOf(notTo);
    }

    /** One e-mail per item and recipient. */
    public String eventKey() {
        return "approval-pending:" + item + ":" + itemId;
    }
}
