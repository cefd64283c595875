package org.outagedesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.outagedesk.OutageDeskApplication;
import org.outagedesk.outbox.SmscSimulator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the paths of {@link MillionSubscriberBenchmark} share: the run's settings (the {@code bench.*} system
 * properties), the result table and the log of every run, the application context in this JVM with the benchmark's
 * incident, the notices path's SMSC, and the helpers to measure and report.
 */
final class BenchContext {

    /** The store of the sample holds and of the smaller paths (e-mail notice, export warm-up, sale status). */
    static final String TILL_STORE = "D-NY-UWS-01";

    final long subscribers = Long.getLong("bench.subscribers", 1_000_000);
    final int runs = Integer.getInteger("bench.runs", 3);
    final int lightRuns = Integer.getInteger("bench.light-runs", 10);
    final int loadSeconds = Integer.getInteger("bench.load-seconds", 60);
    final int loadThreads = Integer.getInteger("bench.load-threads", 8);
    final boolean reuse = Boolean.getBoolean("bench.reuse");
    /** The notices path: minutes after which the notice is cancelled if it has not finished (0: no limit). */
    final int noticeMinutes = Integer.getInteger("bench.notice-minutes", 0);
    /** The notices path: whether to kill the jar halfway through a second, smaller notice. */
    final boolean noticeKill = Boolean.parseBoolean(System.getProperty("bench.notice-kill", "true"));
    final Set<String> paths = Set.of(System.getProperty("bench.paths",
            "import,grid,counts,summary,campaign,top-up,reverse,notices,start,export,sale-status,advisory")
            .split(","));
    /** The engine: h2 (the application's file database under {@code data}) or postgres (a database of its own). */
    final String database = System.getProperty("bench.database", "h2").strip().toLowerCase(Locale.ROOT);
    /** PostgreSQL: the server (a URL without a database), the user (allowed to create databases) and password. */
    final String postgresServer = System.getProperty("bench.postgres.url", "jdbc:postgresql://127.0.0.1:5432/");
    final String postgresUser = System.getProperty("bench.postgres.username", "outagedesk_test");
    final String postgresPassword = System.getProperty("bench.postgres.password", "outagedesk_test");
    static final String POSTGRES_DATABASE = "outagedesk_bench";
    final Path dir = Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
    final Path data = dir.resolve("data");
    final ResultTable table = new ResultTable();
    final StringBuilder log = new StringBuilder();

    /** The application in this JVM (null while none runs); its bean through {@link #bean}. */
    ConfigurableApplicationContext context;
    /** The benchmark's incident: imported by {@link ImportPath}, or read back with bench.reuse. */
    long incident;
    /** The notices path's SMSC, started before the application so that the application binds to it. */
    SmscSimulator smsc;

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Warm-up, then alternating measured runs of the path and its baseline; returns the baseline's answer. */
    <T> T light(Callable<T> path, Stats pathStats, Callable<T> baseline, Stats baselineStats)
            throws Exception {
        for (int i = 0; i < 3; i++) {
            path.call();
            baseline.call();
        }
        T answer = null;
        for (int i = 0; i < lightRuns; i++) {
            pathStats.time(path);
            answer = baselineStats.time(baseline);
        }
        return answer;
    }

    boolean postgres() {
        return database.equals("postgres");
    }

    /** The SQL that takes a sequence's next value on the run's engine. */
    String nextValue(String sequence) {
        return postgres() ? "nextval('" + sequence + "')" : "next value for " + sequence;
    }

    void freshContext() throws IOException {
        if (context != null) {
            context.close();
        }
        if (!postgres()) {
            // the H2 database of the last run: a run on PostgreSQL leaves it for a later --reuse on H2
            deleteRecursively(data);
        }
        if (postgres()) {
            try (Connection c = DriverManager.getConnection(postgresServer + "postgres", postgresUser,
                    postgresPassword); Statement st = c.createStatement()) {
                st.execute("drop database if exists " + POSTGRES_DATABASE + " with (force)");
                st.execute("create database " + POSTGRES_DATABASE + " encoding 'UTF8' template template0");
            } catch (SQLException e) {
                throw new IllegalStateException("--database postgres: could not create " + POSTGRES_DATABASE + " on "
                        + postgresServer + " as " + postgresUser + ": " + e.getMessage(), e);
            }
        }
        startContext();
    }

    /** The application's database: H2's file under {@code data}, or the PostgreSQL database of the run. */
    List<String> datasourceArguments() {
        if (postgres()) {
            return List.of("--spring.datasource.url=" + postgresServer + POSTGRES_DATABASE,
                    "--spring.datasource.username=" + postgresUser, "--spring.datasource.password=" + postgresPassword);
        }
        // H2 hands back the last result of an identical query while its tables are unchanged: a repeated run would
        // time that, not the query. Off here, for the paths and baselines alike.
        return List.of("--spring.datasource.url=jdbc:h2:file:" + data.resolve("outagedesk")
                + ";DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE;OPTIMIZE_REUSE_RESULTS=FALSE");
    }

    void startContext() {
        startContext(List.of());
    }

    void startContext(List<String> settings) {
        // as command-line arguments: they override application.yml (builder properties would only be defaults)
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--outagedesk.data-dir=" + data,
                "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--logging.level.org.outagedesk=INFO"));
        args.addAll(datasourceArguments());
        args.addAll(settings);
        if (smsc != null) {
            args.addAll(NoticePaths.smscSettings(smsc));
        }
        context = new SpringApplicationBuilder(OutageDeskApplication.class).profiles("demo")
                .run(args.toArray(String[]::new));
    }

    /** The folder of static files the jar serves beside its own (the advisory path's comparison). */
    Path staticFiles() throws IOException {
        return Files.createDirectories(dir.resolve("static"));
    }

    Path productionJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("outage-desk-.*\\.jar"))
                    .max(Comparator.comparing(Path::toString))
                    .orElseThrow(() -> new IllegalStateException("No target/outage-desk-*.jar: build it with"
                            + " ./mvnw -Pproduction,bench verify (bench/run.sh does)"));
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    void log(String what, Stats s) {
        log.append(what).append(": ").append(s.all().stream().map(v -> String.format(Locale.ROOT, "%.1f", v))
                .toList()).append(" (load average ").append(ResultTable.loadAverage()).append(")\n");
        System.out.println("bench: " + what + " " + s.all());
    }

    static double ratio(Stats a, Stats b) {
        return a.isEmpty() || b.isEmpty() ? Double.NaN : a.median() / b.median();
    }

    static String verdict(boolean met) {
        return met ? "yes" : "**no**";
    }

    static String thousands(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
