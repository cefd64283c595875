package org.outagedesk.credits;

/**
 * DRAFT (editable, dry-runnable) → SUBMITTED (waits for a second incident manager) → APPROVED → RUNNING (in the
 * background, resumable) → COMPLETED; a completed campaign can be topped up (RUNNING again) or reversed (REVERSING →
 * REVERSED). A submitted campaign can be REJECTED.
 */
public enum CampaignStatus {
    DRAFT, SUBMITTED, APPROVED, RUNNING, COMPLETED, REVERSING, REVERSED, REJECTED
}
