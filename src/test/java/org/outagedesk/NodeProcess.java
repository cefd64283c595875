package org.outagedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.Waits.waitUpTo;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second application node in a JVM of its own, started from the test classpath, for tests of several nodes that
 * two applications in one JVM cannot show (they share the JVM's security context holder) or that kill a node
 * ({@link #kill()}: SIGKILL). Its output goes to {@code target/<name>.log}.
 */
public final class NodeProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private NodeProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the application with these arguments on a free port and waits until it serves its sign-in page. */
    public static NodeProcess start(String name, List<String> arguments) throws IOException {
        int port = freePort();
        Path log = Path.of("target", name + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx768m", "-cp", classPath(), OutageDeskApplication.class.getName()));
        command.addAll(arguments);
        command.add("--server.port=" + port);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        NodeProcess node = new NodeProcess(process, port, log);
        try {
            Api anonymous = Api.anonymous(port);
            waitUpTo(Duration.ofMinutes(4), Duration.ofMillis(250), name + " is ready (its log: " + log + ")")
                    .until(() -> {
                        assertThat(process.isAlive()).as(name + " is running (its log: " + log + ")").isTrue();
                        try {
                            // ready, not only answering: with the deferred JPA bootstrap the login page answers
                            // while the repositories are still being made; health says 503 until the start is done
                            return anonymous.get("/actuator/health").status() == 200;
                        } catch (RuntimeException e) {
                            return false;
                        }
                    });
        } catch (RuntimeException | Error e) {
            node.kill();
            throw e;
        }
        return node;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** SIGKILL: no shutdown hook runs, the database sees its connections drop. */
    public void kill() {
        process.destroyForcibly();
        try {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the node's process ended").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The test classpath (Surefire hands the forked JVM a manifest-only jar; the real path is in this property). */
    private static String classPath() {
        String path = System.getProperty("surefire.test.class.path");
        return path == null || path.isBlank() ? System.getProperty("java.class.path") : path;
    }
}
