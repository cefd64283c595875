package org.outagedesk.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.jspecify.annotations.Nullable;

/**
 * The production jar as its own process ({@code java -Xmx… -jar}), as an operator starts it, with JMX on loopback so
 * that the benchmark can read its heap.
 */
final class AppProcess implements AutoCloseable {

    /** How long a start may take before the benchmark gives up ({@code bench.start-timeout}, seconds; 900). */
    static final long START_TIMEOUT_SECONDS = Long.getLong("bench.start-timeout", 900);

    final int port;
    final long startMillis;
    private final Process process;
    private final int jmxPort;
    private @Nullable JMXConnector jmx;

    private AppProcess(Process process, int port, int jmxPort, long startMillis) {
        this.process = process;
        this.port = port;
        this.jmxPort = jmxPort;
        this.startMillis = startMillis;
    }

    /** Starts the jar on {@code dataDir} and waits until the login page answers 200; the time is the cold start. */
    static AppProcess start(Path jar, Path dataDir, String heap, Path log) throws Exception {
        return start(jar, List.of(), dataDir, heap, log);
    }

    /** As {@link #start(Path, Path, String, Path)}, with JVM options and in the jar's folder (for an AOT cache). */
    static AppProcess start(Path jar, List<String> jvmOptions, Path dataDir, String heap, Path log) throws Exception {
        return start(jar, jvmOptions, dataDir, heap, log, List.of());
    }

    /** As above, with settings for the application ({@code --name=value}). */
    static AppProcess start(Path jar, List<String> jvmOptions, Path dataDir, String heap, Path log,
            List<String> appArgs) throws Exception {
        int port = freePort();
        int jmxPort = freePort();
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx" + heap));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-Dcom.sun.management.jmxremote.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false",
                "-Dcom.sun.management.jmxremote.host=127.0.0.1", "-Djava.rmi.server.hostname=127.0.0.1",
                "-jar", jar.getFileName().toString(), "--server.port=" + port, "--outagedesk.data-dir=" + dataDir));
        cmd.addAll(appArgs);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest login = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .timeout(Duration.ofSeconds(5)).build();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(jar.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // on a shared machine the start can take minutes (issue 20: 180 s were not enough with eight builds beside it);
        // the time is still measured, only the patience is longer
        long deadline = t0 + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("The jar stopped with exit code " + p.exitValue() + "; see " + log);
            }
            try {
                if (http.send(login, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new AppProcess(p, port, jmxPort, (System.nanoTime() - t0) / 1_000_000);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(25);
        }
        p.destroyForcibly();
        throw new IllegalStateException("The jar did not serve /login within " + START_TIMEOUT_SECONDS + " s; see "
                + log);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Samples this process's heap use over JMX until closed. */
    HeapSampler heapSampler() throws IOException {
        MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(jmx(),
                ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        return new HeapSampler(() -> memory.getHeapMemoryUsage().getUsed());
    }

    /** A full GC in the process, then its heap use: what the heap still holds. */
    long heapAfterFullGc() throws IOException {
        MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(jmx(),
                ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /**
     * How many HTTP sessions the server created since it started (Tomcat's session managers, over JMX: the jar must
     * run with {@code --server.tomcat.mbeanregistry.enabled=true}).
     */
    long sessionsCreated() throws Exception {
        MBeanServerConnection c = jmx();
        Set<ObjectName> managers = c.queryNames(
                new ObjectName("*:type=Manager,*"), null);
        if (managers.isEmpty()) {
            throw new IllegalStateException("No Tomcat session manager over JMX: start the jar with "
                    + "--server.tomcat.mbeanregistry.enabled=true");
        }
        long total = 0;
        for (ObjectName name : managers) {
            total += ((Number) c.getAttribute(name, "sessionCounter")).longValue();
        }
        return total;
    }

    private MBeanServerConnection jmx() throws IOException {
        if (jmx == null) {
            jmx = JMXConnectorFactory.connect(new JMXServiceURL(
                    "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi"));
        }
        return jmx.getMBeanServerConnection();
    }

    /** Kills the process (SIGKILL: no shutdown hook, no orderly close), as a crash or an operator's kill -9. */
    void kill() throws InterruptedException {
        if (jmx != null) {
            try {
                jmx.close();
            } catch (IOException ignored) {
                // the process goes anyway
            }
            jmx = null;
        }
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws Exception {
        if (jmx != null) {
            try {
                jmx.close();
            } catch (IOException ignored) {
                // the process goes anyway
            }
        }
        process.destroy(); // SIGTERM: Spring shuts down and H2 closes its file
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /**
     * Spring Boot's recipe for the JVM's AOT cache (Java 25): the jar extracted, one training run that stops once the
     * context is refreshed, and {@code -XX:AOTCache} from then on. Returns the extracted jar.
     */
    static Path prepareAotCache(Path jar, Path into, Path log) throws Exception {
        run(List.of(java(), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract", "--force",
                "--destination", into.toAbsolutePath().toString()), into.getParent(), log);
        Path extracted = into.resolve(jar.getFileName());
        Path training = Files.createTempDirectory("outagedesk-aot-training");
        run(List.of(java(), "-Xmx256m", "-XX:AOTCacheOutput=app.aot", "-Dspring.context.exit=onRefresh", "-jar",
                extracted.getFileName().toString(), "--server.port=0", "--outagedesk.data-dir=" + training), into,
                log);
        return extracted;
    }

    private static void run(List<String> cmd, Path dir, Path log) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " failed; see " + log);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
