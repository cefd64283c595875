package org.outagedesk.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.UserIdentity;

/** The root address sends each role to its own home screen. */
@Route("")
@PermitAll
public final class HomeView extends Div implements BeforeEnterObserver {

    private final AuthenticationContext authentication;
    private final List<HomeRedirect> redirects;

    HomeView(AuthenticationContext authentication, List<HomeRedirect> redirects) {
        this.authentication = authentication;
        this.redirects = redirects;
    }

    /** The route of each role's home screen. */
    public static String homeOf(String role) {
        return switch (role) {
            case AppRoles.AGENT -> "subscribers";
            case AppRoles.STORE_MANAGER -> "my-store";
            case AppRoles.EXECUTIVE -> "impact";
            case AppRoles.INCIDENT_MANAGER -> "incident";
            default -> "api-only";
        };
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String role = authentication.getAuthenticatedUser(UserIdentity.class).map(UserIdentity::role).orElse("");
        event.forwardTo(redirects.stream().map(r -> r.homeFor(role)).flatMap(Optional::stream).findFirst()
                .orElse(homeOf(role)));
    }
}
