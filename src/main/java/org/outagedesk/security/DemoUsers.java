package org.outagedesk.security;

import java.util.List;
import org.outagedesk.base.AppRoles;
import org.outagedesk.sampledata.SampleDataStep;
import org.outagedesk.sampledata.SampleFiles;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The demo users, all with the password {@code demo}; listed in the README. Demo profile only. */
@Component
@Profile("demo")
class DemoUsers implements SampleDataStep {

    static final String PASSWORD = "demo";
    /** A third-party retailer on Manhattan's Upper West Side (the 2009 case). */
    static final String UWS_DEALER = "D-NY-UWS-01";
    /** A company store far from New York. */
    static final String SEATTLE_COMPANY_STORE = "C-WA-SEA-01";
    /** The users, in the order the sign-in page names them. */
    static final List<NewUser> USERS = List.of(
            new NewUser("agent", "Alex Agent", AppRoles.AGENT, null, PASSWORD),
            new NewUser("agent2", "Blair Agent", AppRoles.AGENT, null, PASSWORD),
            new NewUser("manager", "Morgan Manager", AppRoles.INCIDENT_MANAGER, null, PASSWORD),
            new NewUser("manager2", "Nico Manager", AppRoles.INCIDENT_MANAGER, null, PASSWORD),
            new NewUser("exec", "Erin Executive", AppRoles.EXECUTIVE, null, PASSWORD),
            new NewUser("store", "Sam Store (Upper West Side)", AppRoles.STORE_MANAGER, UWS_DEALER, PASSWORD),
            new NewUser("store2", "Sasha Store (Seattle)", AppRoles.STORE_MANAGER, SEATTLE_COMPANY_STORE, PASSWORD),
            new NewUser("till", "Till API client", AppRoles.POS, null, PASSWORD));

    private final UserService users;

    DemoUsers(UserService users) {
        this.users = users;
    }

    @Override
    public String name() {
        return "demo-users";
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public void load(SampleFiles files) {
        USERS.forEach(users::create);
    }
}
