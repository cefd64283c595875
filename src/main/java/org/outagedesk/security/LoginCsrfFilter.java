package org.outagedesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in POST to {@code /login} without the session's CSRF token (issue 16, hole 6). Vaadin's security
 * configurer leaves its login page out of Spring's CSRF check; its login form does send the token (from the
 * {@code _csrf} meta tags of the page), so a login from another site (login CSRF) is all this stops. The token is
 * the one Spring Security keeps in the session; the form sends it masked (BREACH protection), or plain.
 */
class LoginCsrfFilter extends OncePerRequestFilter {

    private final HttpSessionCsrfTokenRepository tokens = new HttpSessionCsrfTokenRepository();
    private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CsrfToken expected = tokens.loadToken(request);
        String sent = request.getParameter(expected == null ? "_csrf" : expected.getParameterName());
        if (expected == null || sent == null || !(same(expected.getToken(), sent)
                || same(expected.getToken(), unmasked(request, expected)))) {
            response.sendRedirect(request.getContextPath() + "/login?error");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The masked value sent, unmasked against the session's token (Spring's own check); null if it is not one. */
    private @Nullable String unmasked(HttpServletRequest request, CsrfToken expected) {
        try {
            return masked.resolveCsrfTokenValue(request, expected);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean same(String a, @Nullable String b) {
        return b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8),
                b.getBytes(StandardCharsets.UTF_8));
    }
}
