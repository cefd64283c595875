package org.outagedesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 16, hole 4, on the API: after five wrong passwords the API answers 429 with Retry-After, audited. */
@IntegrationTest
class SignInThrottleApiTest {

    @LocalServerPort
    int port;

    @Test
    void wrong_passwords_lead_to_429_with_retry_after_even_for_the_right_password_and_are_audited() {
        String name = "thr-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = Api.as(port, "manager").post("/api/users", """
                {"username":"%s","displayName":"Throttle test","role":"AGENT","password":"long-enough-1"}
                """.formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        for (int i = 0; i < 5; i++) {
            assertThat(Api.as(port, name, "wrong-" + i).get("/api/me").status()).isEqualTo(401);
        }
        // the delay doubles with each failure: whatever the machine's speed, a 429 comes within a few attempts
        Api.Response throttled = null;
        for (int i = 0; i < 10 && throttled == null; i++) {
            Api.Response r = Api.as(port, name, "wrong-again").get("/api/me");
            if (r.status() == 429) {
                throttled = r;
            } else {
                assertThat(r.status()).isEqualTo(401);
            }
        }
        assertThat(throttled).as("a 429 after repeated failures").isNotNull();
        assertThat(throttled.contentType()).startsWith("application/problem+json");
        assertThat(throttled.raw().headers().firstValue("Retry-After")).hasValueSatisfying(
                v -> assertThat(Long.parseLong(v)).isPositive());
        // while it must wait, even the right password is not checked
        assertThat(Api.as(port, name, "long-enough-1").get("/api/me").status()).isEqualTo(429);

        Api.Response audit = Api.as(port, "manager").get("/api/audit?actor=" + name + "&size=100");
        assertThat(audit.body()).contains("SIGN_IN_FAILED").contains("SIGN_IN_LOCKED");
    }
}
