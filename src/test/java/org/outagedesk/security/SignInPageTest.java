package org.outagedesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.advisory.Sessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Issue 20: the sign-in page is plain HTML and costs no session until somebody signs in. Its form's CSRF token is a
 * cookie given with the page (double submit); a post without it, or with another value, is refused without a
 * session; a failed sign-in says why from the address alone.
 */
@IntegrationTest
class SignInPageTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9_-]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private HttpResponse<String> post(String form, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return send(b.build());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(String user, String password, String token) {
        return "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + (token == null ? "" : "&_csrf=" + token);
    }

    /** The page's token, checked to be the value of its cookie. */
    private record Page(String token, String cookie) {
    }

    private Page page() {
        HttpResponse<String> r = get("/login");
        assertThat(r.statusCode()).isEqualTo(200);
        Matcher m = TOKEN.matcher(r.body());
        assertThat(m.find()).as("the form carries a token").isTrue();
        String setCookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("OD_SIGNIN="))
                .findFirst().orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        assertThat(cookie).isEqualTo("OD_SIGNIN=" + m.group(1));
        return new Page(m.group(1), cookie);
    }

    @Test
    void the_sign_in_page_is_plain_html_with_a_form_and_creates_no_session() {
        long before = Sessions.created(context);
        HttpResponse<String> r = get("/login");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(r.body()).contains("<form id=\"login-form\" method=\"post\" action=\"/login\">",
                "name=\"username\"", "name=\"password\"", "Customer advisory (public)")
                .doesNotContain("vaadin").doesNotContain("<script");
        // the demo profile names the users a newcomer can sign in as, from the users it creates
        assertThat(r.body()).contains("Demo: agent, agent2, manager, manager2, exec, store, store2 (password"
                + " \"demo\"). The till account &quot;till&quot; uses the API only.");
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"))
                .anySatisfy(c -> assertThat(c).startsWith("OD_SIGNIN=").contains("HttpOnly")
                        .contains("SameSite=Strict").contains("Path=/login"));
        assertThat(r.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        // and two visits get two tokens
        assertThat(page().token()).isNotEqualTo(page().token());
        assertThat(Sessions.created(context)).as("sessions created by visits of the sign-in page").isEqualTo(before);
    }

    @Test
    void signing_in_with_the_page_s_token_creates_the_session_then_and_only_then() {
        Page page = page();
        long before = Sessions.created(context);
        HttpResponse<String> r = post(form("exec", "demo", page.token()), page.cookie());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("login"));
        assertThat(r.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=")
                .contains("SameSite=Lax").contains("HttpOnly"));
        assertThat(Sessions.created(context)).isEqualTo(before + 1);
        // the signed-in session is a console session: the sign-in page sends its holder home
        String session = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        HttpResponse<String> again = send(HttpRequest.newBuilder(uri("/login"))
                .header("Cookie", session.substring(0, session.indexOf(';'))).GET().build());
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
    }

    @Test
    void a_post_without_the_token_of_its_cookie_is_refused_without_a_session() {
        Page page = page();
        Page other = page();
        long before = Sessions.created(context);
        // no cookie (a form posted from another site: the SameSite=Strict cookie is not sent), another page's
        // cookie, no token at all, and a token of the wrong shape
        for (HttpResponse<String> r : new HttpResponse[] {
                post(form("manager", "demo", page.token()), null),
                post(form("manager", "demo", page.token()), other.cookie()),
                post(form("manager", "demo", null), page.cookie()),
                post(form("manager", "demo", "x".repeat(5000)), "OD_SIGNIN=" + "x".repeat(5000))}) {
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                    .endsWith("/login?error"));
            assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        }
        assertThat(Sessions.created(context)).isEqualTo(before);
    }

    @Test
    void a_wrong_password_goes_back_to_the_page_which_says_so_and_creates_no_session() {
        Page page = page();
        long before = Sessions.created(context);
        HttpResponse<String> r = post(form("agent2", "not-the-password", page.token()), page.cookie());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(get("/login?error").body()).contains("id=\"login-error\"",
                "The username or password is wrong, or the account is disabled.");
        assertThat(Sessions.created(context)).isEqualTo(before);
        assertThat(get("/login").body()).doesNotContain("login-error");
    }

    @Test
    void the_wait_of_a_throttled_sign_in_is_read_from_the_address_bounded_and_never_echoed() {
        assertThat(get("/login?throttled=42").body()).contains("Too many failed sign-ins: wait 42 seconds, then try"
                + " again.");
        for (String hostile : new String[] {"%3Cscript%3Ealert(1)%3C%2Fscript%3E", "99999999999999999999", "-5",
                "4e2"}) {
            String body = get("/login?throttled=" + hostile).body();
            assertThat(body).contains("Too many failed sign-ins: wait a minute, then try again.")
                    .doesNotContain("<script>alert").doesNotContain("99999999999999999999").doesNotContain("-5 s")
                    .doesNotContain("4e2");
        }
    }
}
