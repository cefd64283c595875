package org.outagedesk.incident.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.ui.Placeholder;

/** The incident manager's home: the active incident and its timeline (issue "Outage timeline"). */
@Route("incident")
@PageTitle("Incident")
@Menu(order = 10, icon = "vaadin:flash", title = "Incident")
@RolesAllowed({AppRoles.INCIDENT_MANAGER, AppRoles.AGENT, AppRoles.EXECUTIVE})
class IncidentView extends Div {

    IncidentView() {
        add(new Placeholder("The active incident",
                "Here the incident manager runs the incident: its status, severity and lifecycle times, and the "
                        + "outage timeline of what happened, what was decided and what customers are told.",
                "status INVESTIGATING → IDENTIFIED → MONITORING → RESOLVED, with time-to-detect and time-to-resolve",
                "the timeline, newest first, pinned entries on top, filters by type and visibility",
                "adding, editing (with history) and retracting entries"));
    }
}
