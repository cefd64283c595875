package org.outagedesk.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A failed sign-in goes back to the sign-in page with the reason in the address ({@code ?error}, or
 * {@code ?throttled=seconds} when {@link SignInThrottle} refuses the attempt). Spring's default handler keeps the
 * exception in the HTTP session, which would create one for every failed attempt (issue 20).
 */
class SignInFailureHandler implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String to = exception instanceof SignInThrottledException throttled
                ? "/login?throttled=" + throttled.retryAfterSeconds() : "/login?error";
        response.sendRedirect(request.getContextPath() + to);
    }
}
