package org.outagedesk.impact.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.ui.Placeholder;

/** The support agent's home: finding an affected subscriber while on the phone (issue "Affected subscribers"). */
@Route("subscribers")
@PageTitle("Affected subscribers")
@Menu(order = 20, icon = "vaadin:phone", title = "Subscribers")
@RolesAllowed({AppRoles.AGENT, AppRoles.INCIDENT_MANAGER, AppRoles.EXECUTIVE})
class SubscriberListView extends Div {

    SubscriberListView() {
        add(new Placeholder("Affected subscribers",
                "Here a support agent finds a subscriber by MSISDN, account or name while on the phone, and sees "
                        + "whether their data is lost, only on the device, or recovered.",
                "a lazily loaded grid over every affected subscriber, with counts per data-loss status",
                "the subscriber's detail, with a warning when the data exists only on the device",
                "the contact log and status changes"));
    }
}
