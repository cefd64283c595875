package org.outagedesk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.bench.BenchContext.TILL_STORE;
import static org.outagedesk.bench.BenchContext.deleteRecursively;
import static org.outagedesk.bench.BenchContext.ratio;
import static org.outagedesk.bench.BenchContext.thousands;
import static org.outagedesk.bench.BenchContext.verdict;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.outagedesk.bench.ResultTable.Row;
import org.outagedesk.bench.ResultTable.Unit;

/**
 * The production jar in its own JVM ({@code -Xmx256m}) on the benchmark's database: cold start (also with the AOT
 * cache and on an empty folder), the XLSX export over HTTP, and, on the same process, the paths under load
 * ({@link LoadPaths}); then the export baseline in a third JVM with the same heap, after the jar stopped.
 */
final class StartAndExportPaths {

    private final BenchContext ctx;

    StartAndExportPaths(BenchContext ctx) {
        this.ctx = ctx;
    }

    void run(Path jar, boolean start, boolean export, boolean sale, boolean advisory) throws Exception {
        Stats starts = new Stats();
        Stats exports = new Stats();
        long exportedRows = -1;
        AppProcess app = null;
        try {
            for (int i = 0; i < (start ? ctx.runs : 1); i++) {
                if (app != null) {
                    app.close();
                }
                app = AppProcess.start(jar, List.of(), ctx.data, "256m", ctx.dir.resolve("app-" + i + ".log"), List.of(
                        // the advisory path: the server's session count over JMX, and a folder of static files
                        "--server.tomcat.mbeanregistry.enabled=true",
                        "--spring.web.resources.static-locations=classpath:/META-INF/resources/,classpath:/static/,"
                                + "file:" + ctx.staticFiles() + "/"));
                starts.add(app.startMillis);
            }
            ctx.log("start with the benchmark database", starts);
            if (export) {
                String url = app.url("/api/exports/impacts.xlsx?incidentId=" + ctx.incident);
                download(app.url("/api/exports/impacts.xlsx?incidentId=" + ctx.incident + "&status=LOST&store="
                        + TILL_STORE), ctx.dir.resolve("warm-up.xlsx")); // warm-up
                Path out = ctx.dir.resolve("export.xlsx");
                for (int i = 0; i < ctx.runs; i++) {
                    try (HeapSampler heap = app.heapSampler()) {
                        exports.timeOnly(() -> download(url, out));
                        exports.peakHeap(heap.max());
                    }
                }
                exportedRows = rowsOf(out) - 2; // the title row and the header row
                ctx.log("export", exports);
            }
            if (sale) {
                new LoadPaths(ctx).saleStatus(app);
            }
            if (advisory) {
                new LoadPaths(ctx).advisory(app);
            }
        } finally {
            if (app != null) {
                app.close();
            }
        }
        if (start) {
            Path extracted = AppProcess.prepareAotCache(jar, ctx.dir.resolve("aot"), ctx.dir.resolve("aot.log"));
            Stats aot = new Stats();
            for (int i = 0; i < ctx.runs; i++) {
                try (AppProcess cached = AppProcess.start(extracted, List.of("-XX:AOTCache=app.aot"), ctx.data, "256m",
                        ctx.dir.resolve("aot-start-" + i + ".log"))) {
                    aot.add(cached.startMillis);
                }
            }
            ctx.log("start with the AOT cache", aot);
            Stats first = new Stats();
            for (int i = 0; i < ctx.runs; i++) {
                Path empty = Files.createTempDirectory("outagedesk-bench-first-start");
                try (AppProcess fresh = AppProcess.start(jar, empty, "256m", ctx.dir.resolve("first-start-" + i
                        + ".log"))) {
                    first.add(fresh.startMillis);
                } finally {
                    deleteRecursively(empty);
                }
            }
            ctx.log("first start on an empty folder", first);
            ctx.table.add(new Row("start: java -Xmx256m -jar to the login page, on the benchmark database", Unit.MS,
                    starts, null, "< 10 s", verdict(starts.median() < 10_000), "—",
                    "the production jar (Vaadin production mode), process start until GET /login answers 200"));
            ctx.table.add(new Row("start with the JVM's AOT cache (extracted jar, -XX:AOTCache), same database",
                    Unit.MS, aot, null, "< 10 s", verdict(aot.median() < 10_000), "—",
                    "the cache is made once per build by a training run (see README, Performance)"));
            ctx.table.add(new Row("first start on an empty folder (creates the schema, loads the sample scenario)",
                    Unit.MS, first, null, "< 10 s", verdict(first.median() < 10_000), "—", ""));
        }
        if (export) {
            Stats bare = new Stats();
            for (int i = 0; i < ctx.runs; i++) {
                long[] r = bareExport();
                bare.add(r[0]);
                bare.peakHeap(r[1]);
                assertThat(r[2]).as("rows of the bare export").isEqualTo(exportedRows);
            }
            ctx.log("export baseline", bare);
            ctx.table.add(new Row("export " + thousands(exportedRows) + " subscribers as XLSX, app at -Xmx256m",
                    Unit.MS, exports, bare, "≤ 1.3x within 256 MB", verdict(ratio(exports, bare) <= 1.3),
                    ResultTable.mb(exports.peakHeapBytes()) + " vs " + ResultTable.mb(bare.peakHeapBytes()),
                    "GET /api/exports/impacts.xlsx (title, typed cells, audit) vs bare SXSSF from a JDBC result set,"
                            + " each in a JVM with -Xmx256m; heap = the highest heap use sampled (garbage included)"));
        }
    }

    private long[] bareExport() throws Exception {
        // the application's own URL (read-only, H2 kept the whole result in memory and ran out of 256 MB)
        String url = "jdbc:h2:file:" + ctx.data.resolve("outagedesk") + ";DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE";
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), BareXlsxExport.class.getName(), url,
                String.valueOf(ctx.incident), ctx.dir.resolve("bare.xlsx").toString()).redirectErrorStream(true)
                .start();
        String last = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                all.append(line).append('\n');
                if (line.startsWith("BARE ")) {
                    last = line;
                }
            }
        }
        if (p.waitFor() != 0 || last == null) {
            throw new IllegalStateException("The bare export failed:\n" + all);
        }
        String[] f = last.split(" ");
        return new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])};
    }

    private static long download(String url, Path out) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Path> r = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("manager:demo".getBytes(
                        StandardCharsets.UTF_8))).timeout(Duration.ofMinutes(30)).build(),
                HttpResponse.BodyHandlers.ofFile(out));
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + Files.readString(out));
        }
        return Files.size(out);
    }

    /** Rows in the workbook's sheets, counted in the XML without loading it. */
    private static long rowsOf(Path xlsx) throws IOException {
        long rows = 0;
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (e.getName().startsWith("xl/worksheets/sheet")) {
                    try (InputStream in = zip.getInputStream(e)) {
                        rows += count(in, "<row ".getBytes(StandardCharsets.US_ASCII));
                    }
                }
            }
        }
        return rows;
    }

    private static long count(InputStream in, byte[] needle) throws IOException {
        long n = 0;
        int matched = 0;
        byte[] buf = new byte[1 << 16];
        for (int read; (read = in.read(buf)) > 0; ) {
            for (int i = 0; i < read; i++) {
                if (buf[i] == needle[matched]) {
                    if (++matched == needle.length) {
                        n++;
                        matched = 0;
                    }
                } else {
                    matched = buf[i] == needle[0] ? 1 : 0;
                }
            }
        }
        return n;
    }
}
