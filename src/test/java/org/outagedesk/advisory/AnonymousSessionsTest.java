package org.outagedesk.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * People who never sign in cost no session in the console either: the root and a deep link send them to the sign-in
 * page keeping the link in a cookie, the sign-in page is plain HTML (its form's token is a cookie), and the console's
 * static files need none.
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
    void the_root_a_deep_link_the_sign_in_page_and_static_files_create_no_session_for_an_anonymous_visitor() {
        // left out: a file under /VAADIN/ that does not exist is answered (404) by Vaadin's servlet, which creates a
        // session first; it is dropped at once (the test below)
        List<String> withSession = new ArrayList<>();
        for (String path : List.of("/", "/incident", "/login", "/login?error", "/login?throttled=30", "/favicon.ico",
                "/robots.txt", "/no-such-page", "/sw.js", "/manifest.webmanifest",
                "/offline.html", "/styles/outagedesk.css")) {
            long before = Sessions.created(context);
            HttpResponse<String> r = get(path);
            if (Sessions.created(context) != before
                    || r.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID"))) {
                withSession.add(path + " (" + r.statusCode() + ")");
            }
        }
        assertThat(withSession).as("addresses that created a session for a visitor who never signed in").isEmpty();
    }

    /**
     * A made-up file under /VAADIN/ is answered by Vaadin's servlet, which creates a session first; it is dropped at
     * the end of that request (VaadinFilesWithoutSession), so that made-up names cannot fill the heap.
     */
    @Test
    void a_missing_vaadin_file_leaves_no_session_alive() {
        long activeBefore = Sessions.active(context);
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> r = get("/VAADIN/no-such-file-" + i + ".js");
            assertThat(r.statusCode()).isEqualTo(404);
        }
        assertThat(Sessions.active(context)).as("sessions alive after 20 made-up Vaadin files")
                .isLessThanOrEqualTo(activeBefore);
    }
}
