package org.outagedesk.incident;

import java.util.List;

/**
 * The life of an incident. An open incident moves forward (skipping a step is allowed: a false alarm goes from
 * INVESTIGATING straight to RESOLVED; a fix that did not hold goes from MONITORING back to IDENTIFIED). A RESOLVED
 * incident may be reopened, to INVESTIGATING or IDENTIFIED, with a reason.
 */
public enum IncidentStatus {
    INVESTIGATING("Investigating"),
    IDENTIFIED("Cause identified"),
    MONITORING("Fix in place, monitoring"),
    RESOLVED("Resolved");

    private final String label;

    IncidentStatus(String label) {
        this.label = label;
    }

    /** In words, as people read it (never the code). */
    public String label() {
        return label;
    }

    public boolean isOpen() {
        return this != RESOLVED;
    }

    /** The statuses this one may change to. */
    public List<IncidentStatus> allowedNext() {
        return switch (this) {
            case INVESTIGATING -> List.of(IDENTIFIED, MONITORING, RESOLVED);
            case IDENTIFIED -> List.of(MONITORING, RESOLVED);
            case MONITORING -> List.of(IDENTIFIED, RESOLVED);
            case RESOLVED -> List.of(INVESTIGATING, IDENTIFIED);
        };
    }

    public boolean canChangeTo(IncidentStatus target) {
        return allowedNext().contains(target);
    }

    /** A change from RESOLVED back to an open status. */
    public boolean isReopeningTo(IncidentStatus target) {
        return this == RESOLVED && target.isOpen();
    }
}
