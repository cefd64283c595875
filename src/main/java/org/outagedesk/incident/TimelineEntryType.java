package org.outagedesk.incident;

/** What a timeline entry records. */
public enum TimelineEntryType {
    DETECTION, INVESTIGATION, STATUS_CHANGE, CUSTOMER_NOTICE, RETAIL_INSTRUCTION, STOP_SALE, CREDIT_DECISION,
    DATA_RECOVERY, RESOLUTION, NOTE
}
