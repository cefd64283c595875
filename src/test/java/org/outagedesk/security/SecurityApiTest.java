package org.outagedesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class SecurityApiTest {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "/api/me answers {0} with role {1} and store {2}")
    @CsvSource(nullValues = "null", textBlock = """
            agent,    AGENT,            null
            agent2,   AGENT,            null
            manager,  INCIDENT_MANAGER, null
            manager2, INCIDENT_MANAGER, null
            exec,     EXECUTIVE,        null
            store,    STORE_MANAGER,    D-NY-UWS-01
            store2,   STORE_MANAGER,    C-WA-SEA-01
            till,     POS,              null
            """)
    void me_tells_each_demo_user_who_they_are(String user, String role, String store) {
        Api.Response response = Api.as(port, user).get("/api/me");
        assertThat(response.status()).isEqualTo(200);
        JsonNode me = response.json();
        assertThat(me.get("username").asString()).isEqualTo(user);
        assertThat(me.get("roles").valueStream().map(JsonNode::asString).toList()).containsExactly(role);
        assertThat(me.get("store").isNull() ? null : me.get("store").asString()).isEqualTo(store);
    }

    @Test
    void an_unauthenticated_api_call_gets_a_401_problem_asking_for_basic_auth() {
        Api.Response response = Api.anonymous(port).get("/api/me");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Basic"));
        assertThat(response.json().get("detail").asString()).contains("HTTP Basic");
    }

    @Test
    void a_wrong_password_is_refused() {
        assertThat(Api.as(port, "agent", "not-the-password").get("/api/me").status()).isEqualTo(401);
    }

    @ParameterizedTest
    @CsvSource({"agent", "exec", "store", "till"})
    void only_incident_managers_may_list_users_or_read_the_audit_trail(String user) {
        Api api = Api.as(port, user);
        Api.Response users = api.get("/api/users");
        assertThat(users.status()).isEqualTo(403);
        assertThat(users.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/audit").status()).isEqualTo(403);
        assertThat(api.post("/api/users", """
                {"username":"sneaky","displayName":"Sneaky","role":"INCIDENT_MANAGER","password":"whatever-long"}
                """).status()).isEqualTo(403);
    }

    @Test
    void health_is_public_and_the_api_needs_no_csrf_token() {
        assertThat(Api.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
        // a POST from a script without any CSRF token reaches the endpoint (and is validated there)
        Api.Response response = Api.as(port, "manager").post("/api/users", "{}");
        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void malformed_json_gets_a_readable_problem() {
        Api.Response response = Api.as(port, "manager").post("/api/users", "{\"username\": ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("not valid JSON");
    }

    @Test
    void the_console_pages_need_a_sign_in_but_the_login_page_does_not() {
        Api.Response login = Api.anonymous(port).send(Api.anonymous(port).request("/login").GET());
        assertThat(login.status()).isEqualTo(200);
        // a browser asking for a console page without a session is sent to the login page
        Api.Response users = Api.anonymous(port).send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/users")).header("Accept", "text/html").GET());
        assertThat(users.status()).as(users.body()).isEqualTo(302);
        assertThat(users.raw().headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
    }
}
