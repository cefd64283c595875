package org.outagedesk.holds.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.UserIdentity;
import org.outagedesk.base.ui.Placeholder;
import org.outagedesk.catalog.CatalogService;

/** The store manager's home: may my store sell this SKU right now? (issue "Stop-sale per SKU"). */
@Route("my-store")
@PageTitle("My store")
@Menu(order = 30, icon = "vaadin:shop", title = "My store")
@RolesAllowed(AppRoles.STORE_MANAGER)
class MyStoreView extends Div {

    MyStoreView(AuthenticationContext authentication, CatalogService catalog) {
        authentication.getAuthenticatedUser(UserIdentity.class).map(UserIdentity::storeCode)
                .flatMap(catalog::findStore).ifPresent(store -> {
                    H3 name = new H3(store.getName());
                    name.setId("store-name");
                    add(name, new Paragraph(store.getCode() + " · " + store.getType().label() + " · "
                            + store.getCity() + " · " + store.getRegion()));
                });
        add(new Placeholder("Sale status of my store",
                "Stop-sales are not built yet: this screen does not say yet whether a SKU may be sold. Until it "
                        + "does, follow the instructions you receive from the incident team.",
                "every SKU with a large SELLABLE / ON HOLD badge",
                "the holds awaiting your acknowledgement, with an Acknowledge button",
                "the retail instructions: what to tell customers"));
    }
}
