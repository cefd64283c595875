package org.outagedesk.incident;

/**
 * The October 2009 Sidekick incident of the sample scenario, as the other features' sample steps find it (the
 * incident step, order 300, creates it).
 */
public final class SampleIncident {

    public static final String TITLE = "Sidekick data service outage and data loss";

    private SampleIncident() {
    }

    public static Incident find(IncidentService incidents) {
        return incidents.findAll().stream().filter(i -> TITLE.equals(i.getTitle())).findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "The sample incident '" + TITLE + "' is missing: the incident step (order 300) must run first"));
    }
}
