package org.outagedesk.credits;

/**
 * ISSUED: paid. PENDING_APPROVAL: above the requester's limit, waits for an incident manager who did not ask for it
 * (its amount already counts against the subscriber's cap, so an approval can never pass it). REJECTED: refused by
 * that manager, with a reason. REVERSED: paid, then taken back by a compensating entry.
 */
public enum CreditStatus {
    ISSUED("Issued"), PENDING_APPROVAL("Pending approval"), REJECTED("Rejected"), REVERSED("Reversed");

    private final String label;

    CreditStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The statuses whose amounts count against the cap (a reversed credit and its reversal net to zero). */
    static final String COUNTED_SQL = "('ISSUED','PENDING_APPROVAL','REVERSED')";
}
