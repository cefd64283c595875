package org.outagedesk.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * HTTP Basic sends the password with every API call, and bcrypt is slow on purpose (about 50-100 ms): the tills
 * asking "may I sell this?" cannot pay that per request. After one successful bcrypt check, this cache accepts the
 * same username and password for a few minutes, comparing a keyed hash (HMAC with a key that lives only in this
 * process) instead. Any change to a user (password, role, store, disabled) evicts them at once on this node, and
 * each hit checks the user's credentials version in the database, so a change made on another node counts too.
 */
@Component
class ApiCredentialsCache {

    private static final Duration TTL = Duration.ofMinutes(5);

    private record Entry(byte[] mac, Authentication authentication, Instant expiresAt) {
    }

    private final AuthenticationProvider delegate;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final Clock clock;

    private final AppUserRepository stamps;

    ApiCredentialsCache(UserDetailsService users, PasswordEncoder passwordEncoder, Clock clock,
            AppUserRepository stamps, SignInThrottle throttle) {
        this.stamps = stamps;
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        // a cache hit is never throttled: it proves the password that passed bcrypt a moment ago, so a guesser who
        // slows a username down does not lock out its till
        this.delegate = new ThrottledAuthentication(passwords, throttle, "API");
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.clock = clock;
    }

    /** The provider of the API's filter chain (not a bean: the console's form login keeps Spring's default). */
    AuthenticationProvider asProvider() {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication request) {
                return ApiCredentialsCache.this.authenticate(request);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    Authentication authenticate(Authentication request) {
        String username = request.getName();
        Object credentials = request.getCredentials();
        if (credentials == null) {
            return delegate.authenticate(request);
        }
        byte[] mac = mac(username, credentials.toString());
        Entry cached = entries.get(username);
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.expiresAt()) && MessageDigest.isEqual(cached.mac(), mac)
                && stillValid(cached.authentication())) {
            return cached.authentication();
        }
        Authentication result = delegate.authenticate(request);
        if (result != null && result.isAuthenticated()) {
            entries.put(username, new Entry(mac, result, now.plus(TTL)));
        }
        return result;
    }

    /**
     * Forgets a user, so that the next call checks the password (and the account) against the database again. Called
     * inside the changing transaction: the user is forgotten now and once more after the commit, so that a request
     * that read the old row in between cannot keep the old state cached.
     */
    void evict(String username) {
        entries.remove(username);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    entries.remove(username);
                }
            });
        }
    }

    /**
     * Another node may have disabled or changed the user: its eviction does not reach this node's memory, the
     * database does (one indexed row, far cheaper than the bcrypt check this cache saves).
     */
    private boolean stillValid(Authentication authentication) {
        return !(authentication.getPrincipal() instanceof OutageDeskUser user)
                || SessionStillValidFilter.stillValid(user, stamps.findStamp(user.getUsername()));
    }

    private byte[] mac(String username, String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            return hmac.doFinal((username + '\u0000' + password).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
