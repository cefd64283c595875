package org.outagedesk.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * People who never sign in cost no session in the console either: the root and a deep link send them to the sign-in
 * page keeping the link in a cookie, and the console's static files need none. (The sign-in page itself is a Vaadin
 * view, which lives in a session: that one is still created, see the README.)
 */
@IntegrationTest
class AnonymousSessionsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_root_a_deep_link_and_static_files_create_no_session_for_an_anonymous_visitor() {
        for (String path : List.of("/", "/incident", "/styles/outagedesk.css")) {
            long before = Sessions.created(context);
            HttpResponse<String> r = get(path);
            assertThat(Sessions.created(context)).as(path + " creates no session").isEqualTo(before);
            assertThat(r.headers().allValues("Set-Cookie")).as(path + " sets no session cookie")
                    .noneMatch(c -> c.startsWith("JSESSIONID"));
        }
    }
}
