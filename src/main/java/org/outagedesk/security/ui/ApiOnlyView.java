package org.outagedesk.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.ui.Placeholder;

/** Till accounts have no screens: they talk to the API. Tell a person who signs in with one. */
@Route("api-only")
@PageTitle("API account")
@RolesAllowed(AppRoles.POS)
class ApiOnlyView extends Div {

    ApiOnlyView() {
        add(new Placeholder("This account is for the tills",
                "Point-of-sale accounts use the REST API only (HTTP Basic): GET /api/me, and the sale status "
                        + "and sales endpoints. The API is described at /swagger-ui.html. Sign out and use a "
                        + "person's account to work in the console."));
    }
}
