package org.outagedesk.base;

import java.util.List;

/**
 * The roles of Outage Desk. They live in the shared kernel (not in {@code security}) because every feature's
 * service checks them, including features that {@code security} itself calls, such as the audit trail: keeping
 * them here keeps the feature packages free of cycles.
 */
public final class AppRoles {

    public static final String AGENT = "AGENT";
    public static final String STORE_MANAGER = "STORE_MANAGER";
    public static final String EXECUTIVE = "EXECUTIVE";
    public static final String INCIDENT_MANAGER = "INCIDENT_MANAGER";
    /** The tills: an API-only client. */
    public static final String POS = "POS";

    /** Every role, in the order the console lists them. */
    public static final List<String> ALL = List.of(AGENT, STORE_MANAGER, EXECUTIVE, INCIDENT_MANAGER, POS);

    private AppRoles() {
    }

    public static String label(String role) {
        return switch (role) {
            case AGENT -> "Support agent";
            case STORE_MANAGER -> "Store manager";
            case EXECUTIVE -> "Executive";
            case INCIDENT_MANAGER -> "Incident manager";
            case POS -> "Point of sale (API)";
            default -> role;
        };
    }
}
