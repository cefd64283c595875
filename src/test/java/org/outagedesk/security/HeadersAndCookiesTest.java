package org.outagedesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 16, hole 7: headers of the console and the API, the session cookie, the idle timeout. */
@IntegrationTest
class HeadersAndCookiesTest {

    @LocalServerPort
    int port;

    @Value("${server.servlet.session.timeout}")
    Duration sessionTimeout;

    @Test
    void the_console_s_pages_carry_a_content_security_policy_and_the_other_headers() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'").contains("object-src 'none'").contains("frame-ancestors 'self'"));
        assertThat(login.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("SAMEORIGIN");
    }

    // the session cookie (SameSite=Lax, HttpOnly) is given at the sign-in, not by the sign-in page: see
    // SignInPageTest.signing_in_with_the_page_s_token_creates_the_session_then_and_only_then

    @Test
    void the_api_answers_carry_the_headers_too() {
        Api.Response me = Api.as(port, "agent").get("/api/me");
        assertThat(me.raw().headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(me.raw().headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
    }

    @Test
    void an_idle_console_session_ends_after_30_minutes_by_default() {
        assertThat(sessionTimeout).isEqualTo(Duration.ofMinutes(30));
    }
}
