package org.outagedesk.setup;

import java.util.List;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.security.UserService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a new installation still lacks (the {@code prod} profile starts on an empty database with one incident
 * manager): the catalog (regions, SKUs, stores), a store manager, a second incident manager (approvals need two),
 * an incident. Read from the data each time, so a step is done the moment it exists, however it was done (console,
 * API, CSV). Incident managers only.
 */
@Service
@Transactional(readOnly = true)
@IncidentManagersOnly
public class SetupService {

    private final CatalogService catalog;
    private final UserService users;
    private final IncidentService incidents;

    SetupService(CatalogService catalog, UserService users, IncidentService incidents) {
        this.catalog = catalog;
        this.users = users;
        this.incidents = incidents;
    }

    public List<SetupStep> steps() {
        return List.of(
                new SetupStep("regions", "Regions", "Upload the regions (name, time zone, escalation contact):"
                        + " stores name their region.", !catalog.regions().isEmpty(), "catalog?tab=regions"),
                new SetupStep("skus", "SKUs", "Upload the devices you sell (code, model, colour, family).",
                        catalog.countSkus() > 0, "catalog"),
                new SetupStep("stores", "Stores", "Upload your stores and dealers (code, name, region, city, type,"
                        + " e-mail, time zone).", catalog.countStores(null, null) > 0, "catalog?tab=stores"),
                new SetupStep("store-manager", "A store manager", "Create a user with the role Store manager,"
                        + " bound to their store.", users.count(null, AppRoles.STORE_MANAGER) > 0, "users"),
                new SetupStep("second-incident-manager", "A second incident manager", "Credit campaigns need a"
                        + " second incident manager to approve them.",
                        users.count(null, AppRoles.INCIDENT_MANAGER) >= 2, "users"),
                new SetupStep("incident", "An incident", "Open the incident you are running: its timeline,"
                        + " subscribers, stop-sales and credits hang on it.", !incidents.findAll().isEmpty(),
                        "getting-started?new-incident"));
    }

    /** Whether every step is done. */
    public boolean complete() {
        return steps().stream().allMatch(SetupStep::done);
    }
}
