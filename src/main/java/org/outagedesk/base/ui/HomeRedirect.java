package org.outagedesk.base.ui;

import java.util.Optional;

/**
 * A feature that sends a role somewhere else than its usual home for a while (the first incident manager of an
 * empty installation goes to "Getting started"). Spring beans in their own feature; {@link HomeView} asks them.
 */
public interface HomeRedirect {

    /** The route to go to instead of the role's home, or empty. */
    Optional<String> homeFor(String role);
}
