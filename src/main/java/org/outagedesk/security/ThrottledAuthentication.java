package org.outagedesk.security;

import java.util.Optional;
import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * A password check that asks {@link SignInThrottle} first (refusing without checking while the username or address
 * must wait) and tells it of every failure and success. Used by the console's form and the API's HTTP Basic.
 */
class ThrottledAuthentication implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final SignInThrottle throttle;
    private final String where;

    ThrottledAuthentication(AuthenticationProvider delegate, SignInThrottle throttle, String where) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.where = where;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName();
        String address = request.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        Optional<Duration> wait = throttle.waitBefore(username, address);
        if (wait.isPresent()) {
            throw new SignInThrottledException(wait.get());
        }
        Authentication result;
        try {
            result = delegate.authenticate(request);
        } catch (AuthenticationException e) {
            throttle.failed(username, address, where);
            throw e;
        }
        if (result != null && result.isAuthenticated()) {
            throttle.succeeded(username);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
