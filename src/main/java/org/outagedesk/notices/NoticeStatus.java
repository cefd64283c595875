package org.outagedesk.notices;

/** Where a customer notice is: composed, waiting for a second manager, going out, held, done. */
public enum NoticeStatus {
    DRAFT("Draft"),
    SUBMITTED("Waiting for approval"),
    REJECTED("Rejected"),
    SENDING("Sending"),
    PAUSED("Paused"),
    COMPLETED("Completed"),
    CANCELLED("Cancelled");

    private final String label;

    NoticeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
