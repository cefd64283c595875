package org.outagedesk.security;

import com.samskivert.mustache.Template;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.PageTemplates;
import org.outagedesk.sampledata.SampleDataProgress;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sign-in page ({@code GET /login}): plain HTML rendered on the server, without Vaadin and without an HTTP
 * session (issue 20). It used to be a Vaadin view, and every visit built a Vaadin UI in a new session (about 100 KB,
 * kept for the session's life) before anybody had signed in. The form posts to Spring Security's form login at
 * {@code POST /login}; its CSRF token is a cookie ({@link SignInToken}). A session is created when the sign-in
 * succeeds, not before. The page says why a sign-in failed from the address alone ({@code ?error},
 * {@code ?throttled=seconds}), so the failure needs no session either ({@link SignInFailureHandler}).
 */
@RestController
@Hidden
@PreAuthorize("permitAll()")
public class SignInPageController {

    /** Longest wait the page will name; a larger or unreadable number in the address is not shown. */
    private static final int MAX_WAIT_SECONDS = 24 * 3600;

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private final Template page;
    /** What the page says of the demo users (nothing outside the demo profile); the same for every request. */
    private final Map<String, Object> demoUsers;

    private final SampleDataProgress sampleData;

    SignInPageController(Environment environment, SampleDataProgress sampleData) {
        this.sampleData = sampleData;
        this.page = PageTemplates.compile("signin/login");
        this.demoUsers = environment.acceptsProfiles(Profiles.of("demo")) ? Map.of("demo", true,
                "demoUsers", String.join(", ", DemoUsers.USERS.stream().filter(u -> !AppRoles.POS.equals(u.role()))
                        .map(NewUser::username).toList()),
                "demoTills", String.join(", ", DemoUsers.USERS.stream().filter(u -> AppRoles.POS.equals(u.role()))
                        .map(u -> "\"" + u.username() + "\"").toList()),
                "demoPassword", DemoUsers.PASSWORD) : Map.of("demo", false);
    }

    @GetMapping("/login") // HTML whatever the Accept header asks for: it is a page, not an API
    public ResponseEntity<String> page(@RequestParam(name = "error", required = false) @Nullable String error,
            @RequestParam(name = "throttled", required = false) @Nullable String throttled,
            HttpServletRequest request, HttpServletResponse response) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.isAuthenticated() && !TRUST.isAnonymous(signedIn)) {
            return ResponseEntity.status(302).header(HttpHeaders.LOCATION, request.getContextPath() + "/").build();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", SignInToken.issue(request, response));
        model.put("csrfParameter", SignInToken.PARAMETER);
        @Nullable String message = message(error != null, throttled);
        model.put("error", message != null);
        model.put("message", message == null ? "" : message);
        model.putAll(demoUsers);
        SampleDataProgress.Loading loading = sampleData.loading();
        model.put("sampleLoading", loading != null);
        model.put("sampleStep", loading == null ? "" : "part " + loading.step() + " of " + loading.steps());
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(page.execute(model));
    }

    /** What the page says about the last attempt; nothing of the address is echoed but a bounded number. */
    static @Nullable String message(boolean error, @Nullable String throttled) {
        if (throttled != null) {
            int seconds = seconds(throttled);
            return seconds > 0 ? "Too many failed sign-ins: wait " + seconds + (seconds == 1 ? " second" : " seconds")
                    + ", then try again." : "Too many failed sign-ins: wait a minute, then try again.";
        }
        return error ? "The username or password is wrong, or the account is disabled." : null;
    }

    private static int seconds(String text) {
        if (text.isEmpty() || text.length() > 6 || !text.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        int seconds = Integer.parseInt(text);
        return seconds <= MAX_WAIT_SECONDS ? seconds : 0;
    }
}
