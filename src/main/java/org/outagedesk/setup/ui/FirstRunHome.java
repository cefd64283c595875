package org.outagedesk.setup.ui;

import java.util.Optional;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.ui.HomeRedirect;
import org.outagedesk.setup.SetupService;
import org.springframework.stereotype.Component;

/** While something is missing, "Getting started" is the incident manager's home. */
@Component
class FirstRunHome implements HomeRedirect {

    private final SetupService setup;

    FirstRunHome(SetupService setup) {
        this.setup = setup;
    }

    @Override
    public Optional<String> homeFor(String role) {
        return AppRoles.INCIDENT_MANAGER.equals(role) && !setup.complete() ? Optional.of(GettingStartedView.ROUTE)
                : Optional.empty();
    }
}
