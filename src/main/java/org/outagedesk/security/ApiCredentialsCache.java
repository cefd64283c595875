package org.outagedesk.security;

import java.nio.charset.StandardCharsets;
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
 * process) instead. Any change to a user (password, role, store, disabled) evicts them at once.
 */
@Component
class ApiCredentialsCache implements AuthenticationProvider {

    private static final Duration TTL = Duration.ofMinutes(5);

    private record Entry(byte[] mac, Authentication authentication, Instant expiresAt) {
    }

    private final DaoAuthenticationProvider delegate;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final Clock clock;

    ApiCredentialsCache(UserDetailsService users, PasswordEncoder passwordEncoder, Clock clock) {
        this.delegate = new DaoAuthenticationProvider(users);
        this.delegate.setPasswordEncoder(passwordEncoder);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName();
        Object credentials = request.getCredentials();
        if (credentials == null) {
            return delegate.authenticate(request);
        }
        byte[] mac = mac(username, credentials.toString());
        Entry cached = entries.get(username);
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.expiresAt()) && MessageDigest.isEqual(cached.mac(), mac)) {
            return cached.authentication();
        }
        Authentication result = delegate.authenticate(request);
        if (result != null && result.isAuthenticated()) {
            entries.put(username, new Entry(mac, result, now.plus(TTL)));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
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

    private byte[] mac(String username, String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            return hmac.doFinal((username + '\u0000' + password).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | java.security.InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
