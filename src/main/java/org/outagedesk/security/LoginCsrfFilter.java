package org.outagedesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in POST to {@code /login} without the form's token (issue 16, hole 6): a login from another site
 * (login CSRF) is what this stops. Vaadin's security configurer leaves the login page out of Spring's CSRF check,
 * whose token lives in a session; the sign-in page creates none, so its token is a cookie ({@link SignInToken}).
 */
class LoginCsrfFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SignInToken.matches(request)) {
            response.sendRedirect(request.getContextPath() + "/login?error");
            return;
        }
        chain.doFilter(request, response);
    }
}
