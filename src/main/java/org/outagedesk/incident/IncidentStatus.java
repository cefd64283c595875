package org.outagedesk.incident;

/** The life of an incident. RESOLVED incidents may be reopened (with a reason). */
public enum IncidentStatus {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED;

    public boolean isOpen() {
        return this != RESOLVED;
    }
}
