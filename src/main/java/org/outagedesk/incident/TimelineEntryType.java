package org.outagedesk.incident;

/** What a timeline entry records. */
public enum TimelineEntryType {
    DETECTION("Detection"),
    INVESTIGATION("Investigation"),
    STATUS_CHANGE("Status change"),
    CUSTOMER_NOTICE("Notice to customers"),
    RETAIL_INSTRUCTION("Instruction to stores"),
    STOP_SALE("Stop-sale"),
    CREDIT_DECISION("Credit decision"),
    DATA_RECOVERY("Data recovery"),
    RESOLUTION("Resolution"),
    NOTE("Note");

    private final String label;

    TimelineEntryType(String label) {
        this.label = label;
    }

    /** In words, as people read it (never the code). */
    public String label() {
        return label;
    }
}
