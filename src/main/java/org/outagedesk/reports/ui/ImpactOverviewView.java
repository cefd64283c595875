package org.outagedesk.reports.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.ui.Placeholder;

/** The executive's home: the incident at a glance (issue "Executive impact dashboard"). */
@Route("impact")
@PageTitle("Impact overview")
@Menu(order = 60, icon = "vaadin:chart", title = "Impact overview")
@RolesAllowed({AppRoles.EXECUTIVE, AppRoles.INCIDENT_MANAGER})
class ImpactOverviewView extends Div {

    ImpactOverviewView() {
        add(new Placeholder("Impact overview",
                "Here executives read the impact of the incident: how many subscribers are affected and how badly, "
                        + "what the credits cost, and whether stores comply with the stop-sales.",
                "key figures: affected subscribers by data-loss status, share contacted, credits, holds, violations",
                "charts of subscribers by status over time, by region, credits by reason",
                "downloads of the executive impact report"));
    }
}
