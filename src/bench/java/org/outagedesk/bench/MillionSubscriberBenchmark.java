package org.outagedesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The benchmark of issue 9: every path of Outage Desk at a million subscribers beside the raw engine doing the same
 * work, in one run on one database. Not a test of the normal build: {@code bench/run.sh} (or
 * {@code ./mvnw -Pproduction,bench verify}) runs it through Failsafe after the production jar is built.
 * <ol>
 * <li>In this JVM, on a fresh H2 file database (the application's own URL under {@code target/bench/data}): the
 * import, the grid page, the counts, the impact summary and the campaign, called as the console and the API call
 * them (the services), with the baselines as plain JDBC on the same DataSource.</li>
 * <li>The production jar in its own JVM ({@code -Xmx256m}) on that same database: cold start, the XLSX export over
 * HTTP, and the sale-status endpoint under load from this process.</li>
 * <li>The export baseline in a third JVM with the same heap, after the jar stopped.</li>
 * <li>The notices path (issue 13): in this JVM, a notice to every subscriber through the outbox and an SMSC simulator
 * that the benchmark owns, beside an INSERT ... SELECT of the same outbox rows and a bare jSMPP client sending the
 * same texts to the same simulator; an e-mail notice through the demo relay beside bare JavaMail; then the jar killed
 * halfway through a second notice and started again, the simulator counting what each number received.</li>
 * </ol>
 * Each run checks that Outage Desk and its baseline give the same answer: a fast wrong answer is not a result.
 * Settings (system properties, see bench/run.sh): bench.subscribers, bench.runs, bench.light-runs,
 * bench.load-seconds, bench.load-threads, bench.paths, bench.reuse, bench.start-timeout, bench.notice-minutes,
 * bench.notice-kill.
 * <p>
 * This class reads the settings, makes the data, calls the paths in order and prints the table; the paths are
 * {@link ImportPath}, {@link GridPaths}, {@link CampaignPaths}, {@link NoticePaths}, {@link StartAndExportPaths},
 * {@link LoadPaths} and {@link KilledNoticePath}, sharing a {@link BenchContext}.
 */
@Tag("bench")
class MillionSubscriberBenchmark {

    private final BenchContext ctx = new BenchContext();

    /**
     * The paths that run on PostgreSQL (--database postgres): those in this JVM (the notices without the notice killed
     * halfway, which runs the jar on the H2 file).
     */
    private static final Set<String> ON_POSTGRES = Set.of("import", "grid", "counts", "summary", "campaign", "top-up",
            "reverse", "notices");

    @Test
    void run() throws Exception {
        if (ctx.postgres() && !ON_POSTGRES.containsAll(ctx.paths)) {
            throw new IllegalArgumentException("--database postgres runs these paths: " + new TreeSet<>(ON_POSTGRES)
                    + "; the others (the jar's) measure the H2 file database. Pass --paths.");
        }
        if (ctx.postgres() && ctx.paths.contains("notices") && ctx.noticeKill) {
            throw new IllegalArgumentException("--database postgres: the notice killed halfway runs the jar on the H2"
                    + " file database; pass --no-notice-kill");
        }
        Files.createDirectories(ctx.dir);
        Path csv = ctx.dir.resolve("subscribers-" + ctx.subscribers + ".csv");
        Path warmCsv = ctx.dir.resolve("subscribers-warmup.csv");
        generate(ctx.subscribers, csv);
        generate(Math.max(100, Math.min(10_000, ctx.subscribers / 10)), warmCsv);
        String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String startLoad = ResultTable.loadAverage();
        if (ctx.paths.contains("notices")) {
            ctx.smsc = NoticePaths.benchSmsc();
        }
        try {
            Path incidentFile = ctx.dir.resolve(ctx.postgres() ? "incident-postgres.txt" : "incident.txt");
            if (ctx.reuse && Files.exists(incidentFile)) {
                // --reuse: the database and incident of the last run; every path but the import
                ctx.incident = Long.parseLong(Files.readString(incidentFile).strip());
                ctx.startContext();
                inProcessPaths();
            } else {
                inProcess(csv, warmCsv);
                Files.writeString(incidentFile, String.valueOf(ctx.incident));
            }
            withJar();
        } finally {
            if (ctx.context != null) {
                ctx.context.close();
            }
            if (ctx.smsc != null) {
                ctx.smsc.stop();
            }
            String report = ctx.table.render("Outage Desk benchmark, " + String.format(Locale.ROOT, "%,d",
                    ctx.subscribers) + " subscribers, started " + started + "\n\n" + machine()
                    + " Load average (1, 5, 15 min) at the start " + startLoad + ", at the end "
                    + ResultTable.loadAverage() + ".");
            System.out.println("\n" + report + "\nEvery run (ms or req/s):\n" + ctx.log);
            Files.writeString(ctx.dir.resolve("results.md"), report + "\n## Every run\n\n```\n" + ctx.log + "```\n");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 1. In this JVM: import, grid page, counts, summary, campaign, notices, top-up and reverse

    private void inProcess(Path csv, Path warmCsv) throws Exception {
        new ImportPath(ctx).run(csv, warmCsv);
        inProcessPaths();
    }

    private void inProcessPaths() throws Exception {
        GridPaths grid = new GridPaths(ctx);
        CampaignPaths campaigns = new CampaignPaths(ctx);
        if (ctx.paths.contains("grid")) {
            grid.grid();
        }
        if (ctx.paths.contains("counts")) {
            grid.counts();
        }
        if (ctx.paths.contains("summary")) {
            grid.summary();
        }
        if (ctx.paths.contains("campaign")) {
            campaigns.campaign();
        }
        // before top-up and reverse: its time can be boxed (--notice-minutes), theirs cannot
        if (ctx.paths.contains("notices")) {
            new NoticePaths(ctx).notices();
        }
        if (ctx.paths.contains("top-up") || ctx.paths.contains("reverse")) {
            campaigns.topUpAndReverse();
        }
        ctx.context.close();
        ctx.context = null;
    }

    // ---------------------------------------------------------------------------------------------------------
    // 2. The production jar: start, export, sale status, advisory; 3. the export baseline; 4. the notice killed

    private void withJar() throws Exception {
        boolean start = ctx.paths.contains("start");
        boolean export = ctx.paths.contains("export");
        boolean sale = ctx.paths.contains("sale-status");
        boolean advisory = ctx.paths.contains("advisory");
        if (start || export || sale || advisory) {
            new StartAndExportPaths(ctx).run(ctx.productionJar(), start, export, sale, advisory);
        }
        // last: the kill leaves the database as a crash does
        if (ctx.paths.contains("notices") && ctx.noticeKill || ctx.paths.contains("notice-kill")) {
            new KilledNoticePath(ctx).noticeKilledHalfway(ctx.productionJar());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers

    private void generate(long n, Path out) throws Exception {
        if (Files.exists(out)) {
            return; // the generator is deterministic: the same n gives the same bytes
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "sample-data/GenerateSubscribers.java", String.valueOf(n), tmp.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("The generator failed");
        }
        Files.move(tmp, out);
    }

    private String machine() {
        long memKb = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: leave it out
        }
        String cpu = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("");
        } catch (IOException e) {
            // not Linux
        }
        return String.format(Locale.ROOT, "Machine: %d cores%s, %.0f GiB memory, %s %s, Java %s; %s.",
                Runtime.getRuntime().availableProcessors(), cpu.isEmpty() ? "" : " (" + cpu + ")",
                memKb / 1048576.0, System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), ctx.postgres() ? "PostgreSQL (" + ctx.postgresServer
                        + ", database " + BenchContext.POSTGRES_DATABASE + ")" : "H2 file database");
    }
}
