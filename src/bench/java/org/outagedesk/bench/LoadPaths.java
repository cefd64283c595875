package org.outagedesk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.bench.BenchContext.TILL_STORE;
import static org.outagedesk.bench.BenchContext.verdict;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.outagedesk.bench.ResultTable.Row;
import org.outagedesk.bench.ResultTable.Unit;

/** On the running production jar: the sale-status endpoint and the public advisory under load from this process. */
final class LoadPaths {

    private static final String TILL_SKU = "SK-LX09-CARBLA";

    private final BenchContext ctx;

    LoadPaths(BenchContext ctx) {
        this.ctx = ctx;
    }

    void saleStatus(AppProcess app) throws Exception {
        String sale = app.url("/api/sale-status?sku=" + TILL_SKU + "&store=" + TILL_STORE);
        String trivial = app.url("/api/me");
        int warm = Math.min(10, ctx.loadSeconds);
        // the sample holds stop the Sidekick at the Upper West Side dealer: every answer must say so
        Predicate<String> notSellable = body -> body.contains("\"sellable\":false");
        Predicate<String> me = body -> body.contains("\"username\":\"till\"");
        LoadClient.run(sale, "till", "demo", ctx.loadThreads, warm, notSellable);
        LoadClient.run(trivial, "till", "demo", ctx.loadThreads, warm, me);
        LoadClient.Result s = LoadClient.run(sale, "till", "demo", ctx.loadThreads, ctx.loadSeconds, notSellable);
        LoadClient.Result t = LoadClient.run(trivial, "till", "demo", ctx.loadThreads, ctx.loadSeconds, me);
        assertThat(s.errors()).as("sale-status answers that were not 200 and not sellable").isZero();
        Stats saleStats = new Stats();
        saleStats.add(s.perSecond());
        Stats trivialStats = new Stats();
        trivialStats.add(t.perSecond());
        ctx.log.append(String.format(Locale.ROOT, "sale status: %s%ntrivial endpoint: %s%n", s, t));
        ctx.table.add(new Row("sale status under load: GET /api/sale-status?sku&store (" + ctx.loadThreads
                + " clients, " + ctx.loadSeconds + " s)", Unit.REQ_PER_S, saleStats, trivialStats,
                "≥ 0.7x, p99 < 10 ms",
                verdict(t.perSecond() > 0 && s.perSecond() / t.perSecond() >= 0.7 && s.p99Ms() < 10
                        && s.errors() == 0), "—",
                String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, %d errors; the trivial endpoint GET /api/me"
                        + " (same authentication, no database): p50 %.1f ms, p99 %.1f ms. Load from a Java client"
                        + " in the benchmark's JVM on loopback; ratio = throughput, higher is better", s.p50Ms(),
                        s.p99Ms(), s.errors(), t.p50Ms(), t.p99Ms())));
    }

    /**
     * The public advisory under the load of an outage (issue 20): anonymous clients on the page and on the JSON, each
     * beside a static file of the same size served by the same server. Targets: at least 0.8x the static file's
     * throughput, p99 under 20 ms, no session created (the server's own count), and the heap after a full GC within
     * 10 MB of where it was before the load.
     */
    void advisory(AppProcess app) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/advisory", "page");
        pages.put("/api/public/advisory", "json");
        Map<String, String> statics = new LinkedHashMap<>();
        for (String path : pages.keySet()) {
            byte[] body = http.send(HttpRequest.newBuilder(URI.create(app.url(path))).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            // under /styles/: a path the console lets anyone read, as static files are
            String name = "styles/bench-" + pages.get(path) + ".txt";
            Path file = ctx.staticFiles().resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, body);
            HttpResponse<byte[]> check = http.send(HttpRequest.newBuilder(URI.create(app.url("/" + name))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(check.statusCode()).as("the static file /" + name + " is served").isEqualTo(200);
            assertThat(check.body()).as("the static file /" + name).hasSize(body.length);
            statics.put(path, "/" + name);
        }
        int warm = Math.min(10, ctx.loadSeconds);
        for (String path : pages.keySet()) {
            LoadClient.anonymous(app.url(path), ctx.loadThreads, warm);
            LoadClient.anonymous(app.url(statics.get(path)), ctx.loadThreads, warm);
        }
        long heapBefore = app.heapAfterFullGc();
        long sessionsBefore = app.sessionsCreated();
        long requests = 0;
        Map<String, LoadClient.Result[]> results = new LinkedHashMap<>();
        for (String path : pages.keySet()) {
            LoadClient.Result page = LoadClient.anonymous(app.url(path), ctx.loadThreads, ctx.loadSeconds);
            LoadClient.Result file = LoadClient.anonymous(app.url(statics.get(path)), ctx.loadThreads, ctx.loadSeconds);
            results.put(path, new LoadClient.Result[] {page, file});
            requests += page.requests() + file.requests();
            ctx.log.append(String.format(Locale.ROOT, "advisory %s: %s%nstatic file of its size: %s%n", path, page,
                    file));
        }
        long sessions = app.sessionsCreated() - sessionsBefore;
        long heapAfter = app.heapAfterFullGc();
        long heapGrowth = heapAfter - heapBefore;
        ctx.log.append(String.format(Locale.ROOT, "advisory: %,d requests, %d sessions created, heap after full GC %s"
                + " before, %s after%n", requests, sessions, ResultTable.mb(heapBefore), ResultTable.mb(heapAfter)));
        for (var e : results.entrySet()) {
            LoadClient.Result page = e.getValue()[0];
            LoadClient.Result file = e.getValue()[1];
            Stats pageStats = new Stats();
            pageStats.add(page.perSecond());
            Stats fileStats = new Stats();
            fileStats.add(file.perSecond());
            boolean met = file.perSecond() > 0 && page.perSecond() / file.perSecond() >= 0.8 && page.p99Ms() < 20
                    && page.errors() == 0 && page.withCookie() == 0 && sessions == 0
                    && Math.abs(heapGrowth) <= 10L * 1024 * 1024;
            ctx.table.add(new Row("public advisory under load: anonymous GET " + e.getKey() + " (" + ctx.loadThreads
                    + " clients, " + ctx.loadSeconds + " s)", Unit.REQ_PER_S, pageStats, fileStats,
                    "≥ 0.8x, p99 < 20 ms, 0 sessions, heap ±10 MB", verdict(met),
                    "after full GC " + ResultTable.mb(heapBefore) + " → " + ResultTable.mb(heapAfter),
                    String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, %d errors, %d answers with a cookie; "
                            + "the static file of the same size (%s): p50 %.1f ms, p99 %.1f ms. Sessions created "
                            + "during the %,d requests (Tomcat's count over JMX): %d", page.p50Ms(), page.p99Ms(),
                            page.errors(), page.withCookie(), statics.get(e.getKey()), file.p50Ms(), file.p99Ms(),
                            requests, sessions)));
        }
    }
}
