package org.outagedesk.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.Waits.waitUpTo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.outagedesk.KeepsSecurityContextStrategy;
import org.outagedesk.NodeProcess;
import org.outagedesk.OutageDeskApplication;
import org.outagedesk.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The load balancer configuration of {@code docs/deploy.md}, tested: {@code deploy/haproxy.cfg} in front of two
 * nodes on one PostgreSQL database (node A in this JVM, node B a JVM of its own), with only its addresses changed,
 * {@code secure} taken off its cookie (plain HTTP here) and quicker health checks. A browser that signs in stays on
 * its node (the proxy's {@code OD_NODE} cookie); without that cookie its requests land on both nodes; the API and
 * the advisory set no cookie; when the session's node goes down, the browser lands on the other node's sign-in page
 * and signs in again there. PostgreSQL run only (the nodes are two JVMs); needs {@code haproxy}, which
 * {@code .ci/run} installs.
 */
@EnabledIf("org.outagedesk.TestDatabase#postgres")
@ExtendWith(KeepsSecurityContextStrategy.class)
class HaproxyTwoNodesTest {

    private static final String CHIEF_PASSWORD = "haproxy-chief-secret";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9_-]+)\"");

    private static List<String> settings(String node) {
        return List.of("--spring.profiles.active=prod", "--logging.level.root=warn", "--outagedesk.node=" + node,
                "--outagedesk.security.admin-username=chief", "--outagedesk.security.admin-password=" + CHIEF_PASSWORD);
    }

    private static Optional<Path> haproxy() {
        return Stream.of("/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy").map(Path::of)
                .filter(Files::isExecutable).findFirst();
    }

    @Test
    void the_proxy_keeps_a_console_on_its_node_and_spreads_the_api() throws Exception {
        Optional<Path> haproxy = haproxy();
        if (haproxy.isEmpty()) {
            assertThat(System.getenv("CI")).as("haproxy is installed in CI (.ci/run)").isNotEqualTo("true");
            Assumptions.abort("haproxy is not installed (apt-get install haproxy)");
        }
        String[] database = TestDatabase.freshDatabaseArgs("haproxy");
        ConfigurableApplicationContext a = new SpringApplicationBuilder(OutageDeskApplication.class).run(
                Stream.concat(Stream.of(database), Stream.concat(settings("node-a").stream(),
                        Stream.of("--server.port=0"))).toArray(String[]::new));
        List<String> argumentsB = new ArrayList<>(List.of(database));
        argumentsB.addAll(settings("node-b"));
        try (NodeProcess b = NodeProcess.start("haproxy-node-b", argumentsB)) {
            int portA = Integer.parseInt(a.getEnvironment().getProperty("local.server.port"));
            int proxyPort = NodeProcess.freePort();
            String config = Files.readString(Path.of("deploy", "haproxy.cfg"))
                    .replace("bind :8080", "bind 127.0.0.1:" + proxyPort)
                    .replace("127.0.0.1:18281", "127.0.0.1:" + portA)
                    .replace("127.0.0.1:18282", "127.0.0.1:" + b.port())
                    .replace(" httponly secure ", " httponly ")
                    .replace("defaults\n", "defaults\n    default-server inter 300 fall 2 rise 1\n");
            assertThat(config).contains("127.0.0.1:" + portA, "127.0.0.1:" + b.port(), "cookie OD_NODE insert",
                    "timeout check 5s");
            Path cfg = Files.writeString(Path.of("target", "haproxy-test.cfg"), config);
            Process proxy = new ProcessBuilder(haproxy.get().toString(), "-f", cfg.toString(), "-db")
                    .redirectErrorStream(true).redirectOutput(Path.of("target", "haproxy-test.log").toFile()).start();
            try {
                String base = "http://127.0.0.1:" + proxyPort;
                waitUpTo(Duration.ofSeconds(120), Duration.ofMillis(200), "both nodes ready and the proxy answering")
                        .until(() -> {
                    assertThat(proxy.isAlive()).as("haproxy runs (target/haproxy-test.log)").isTrue();
                    try {
                        // both nodes ready (a node answers 503 while it starts, and the proxy leaves it out until
                        // then), and the proxy answering
                        return get("http://127.0.0.1:" + portA + "/actuator/health", null).statusCode() == 200
                                && get("http://127.0.0.1:" + b.port() + "/actuator/health", null).statusCode() == 200
                                && get(base + "/actuator/health", null).statusCode() == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });

                // sign in through the proxy: the console's node is named in a cookie the proxy sets
                Browser browser = signIn(base);
                assertThat(browser.node()).isIn("a", "b");
                for (int i = 0; i < 12; i++) {
                    assertThat(get(base + "/", browser.cookies()).statusCode()).as("request " + i + " on the session's"
                            + " node").isEqualTo(200);
                }
                // without the proxy's cookie the same session reaches the other node too, which does not know it
                // (the proxy takes a node into the rotation at its next health check, every 300 ms: asked until both
                // answers came, the node that has the session and the one that sends it to sign in)
                List<Integer> unsticky = new ArrayList<>();
                waitUpTo(Duration.ofSeconds(30), Duration.ofMillis(100), "cookieless requests reach both nodes")
                        .until(() -> {
                            unsticky.add(get(base + "/", browser.session()).statusCode());
                            return unsticky.contains(200) && unsticky.contains(302);
                        });
                assertThat(unsticky).containsOnly(200, 302);

                // the API and the advisory: no cookie of the proxy, no session
                String basic = "Basic " + Base64.getEncoder().encodeToString(("chief:" + CHIEF_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < 6; i++) {
                    HttpResponse<String> me = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/me"))
                            .header("Authorization", basic).GET().build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(me.statusCode()).isEqualTo(200);
                    assertThat(me.headers().allValues("Set-Cookie")).isEmpty();
                    assertThat(get(base + "/advisory", null).headers().allValues("Set-Cookie")).isEmpty();
                }

                // the session's node goes down: the browser lands on the other node's sign-in page, and signs in there
                if (browser.node().equals("a")) {
                    a.close();
                } else {
                    b.kill();
                }
                String other = browser.node().equals("a") ? "b" : "a";
                HttpResponse<String> moved = waitUpTo(Duration.ofSeconds(30), Duration.ofMillis(200),
                        "the proxy sends the browser to the other node").until(() -> get(base + "/",
                                browser.cookies()), r -> r.statusCode() == 302 && r.headers()
                                .allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("OD_NODE=" + other)));
                assertThat(moved.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                        .endsWith("/login"));
                Browser again = signIn(base);
                assertThat(again.node()).isEqualTo(other);
                assertThat(get(base + "/", again.cookies()).statusCode()).isEqualTo(200);
            } finally {
                proxy.destroy();
                proxy.waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            a.close();
        }
    }

    /** A signed-in browser: the proxy's node cookie and the node's session cookie. */
    private record Browser(String node, String nodeCookie, String session) {

        String cookies() {
            return nodeCookie + "; " + session;
        }
    }

    private static Browser signIn(String base) throws IOException, InterruptedException {
        HttpResponse<String> page = get(base + "/login", null);
        assertThat(page.statusCode()).isEqualTo(200);
        String nodeCookie = cookie(page, "OD_NODE");
        String signInCookie = cookie(page, "OD_SIGNIN");
        Matcher token = TOKEN.matcher(page.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> signedIn = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", nodeCookie + "; " + signInCookie)
                .POST(HttpRequest.BodyPublishers.ofString("username=chief&password=" + URLEncoder.encode(
                        CHIEF_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .doesNotContain("login"));
        return new Browser(nodeCookie.substring("OD_NODE=".length()), nodeCookie, cookie(signedIn, "JSESSIONID"));
    }

    private static String cookie(HttpResponse<String> response, String name) {
        String header = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie in "
                        + response.headers().allValues("Set-Cookie")));
        return header.contains(";") ? header.substring(0, header.indexOf(';')) : header;
    }

    private static HttpResponse<String> get(String url, String cookies) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
