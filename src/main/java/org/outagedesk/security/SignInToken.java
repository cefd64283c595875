package org.outagedesk.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;

/**
 * The sign-in form's CSRF token without a session (issue 20): a random value given to the browser twice, in a cookie
 * and in the form's hidden field, and compared when the form is posted (a "double submit"). A page on another site
 * can post the form but cannot read or set the cookie, and the cookie is {@code SameSite=Strict}, so a browser does
 * not even send it with a post from another site: a login CSRF is refused. Before this, the token lived in an HTTP
 * session that every visit of the sign-in page created.
 */
final class SignInToken {

    static final String COOKIE = "OD_SIGNIN";
    static final String PARAMETER = "_csrf";
    /** A token is 32 random bytes, 43 characters in base64url; anything longer is not one (and is not read). */
    private static final int LENGTH = 43;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SignInToken() {
    }

    /** A new token, set as the cookie of the answer; the page puts the same value in its form. */
    static String issue(HttpServletRequest request, HttpServletResponse response) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, token).path("/login").httpOnly(true)
                .secure(request.isSecure()).sameSite("Strict").maxAge(3600).build().toString());
        return token;
    }

    /** Whether the posted form carries the token of its cookie (compared in constant time). */
    static boolean matches(HttpServletRequest request) {
        @Nullable String sent = request.getParameter(PARAMETER);
        @Nullable String kept = cookie(request);
        if (sent == null || kept == null || sent.length() != LENGTH || kept.length() != LENGTH) {
            return false;
        }
        return MessageDigest.isEqual(sent.getBytes(StandardCharsets.US_ASCII),
                kept.getBytes(StandardCharsets.US_ASCII));
    }

    private static @Nullable String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName())) {
                return c.getValue();
            }
        }
        return null;
    }
}
