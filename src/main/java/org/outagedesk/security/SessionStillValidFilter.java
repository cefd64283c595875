package org.outagedesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a console session whose user was disabled, demoted, bound to another store or given a new password since it
 * signed in (issue 16, hole 2). Each signed-in request compares the credentials version the session signed in with
 * against the database's (one indexed row), so the change counts at once on every node. The request then goes on
 * as anonymous: a page needs a sign-in again, and Vaadin reloads an open tab whose session ended, which lands on the
 * login page. Not a bean: it runs inside the console's security chain only, after the session's sign-in is read.
 */
class SessionStillValidFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(SessionStillValidFilter.class);

    private final AppUserRepository users;

    SessionStillValidFilter(AppUserRepository users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof OutageDeskUser user
                && !stillValid(user, users.findStamp(user.getUsername()))) {
            LOG.info("Ending the session of {}: their account changed since they signed in", user.getUsername());
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }

    static boolean stillValid(OutageDeskUser user, Optional<CredentialsStamp> stamp) {
        return stamp.isPresent() && stamp.get().enabled()
                && stamp.get().credentialsVersion() == user.credentialsVersion();
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
