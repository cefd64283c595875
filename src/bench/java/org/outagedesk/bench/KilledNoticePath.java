package org.outagedesk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.Waits.waitUpTo;
import static org.outagedesk.bench.BenchContext.thousands;
import static org.outagedesk.bench.BenchContext.verdict;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.outagedesk.bench.ResultTable.Row;
import org.outagedesk.bench.ResultTable.Unit;
import org.outagedesk.outbox.SmscSimulator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The notices path's last part, with the production jar: a notice killed halfway and started again. */
final class KilledNoticePath {

    private final BenchContext ctx;

    KilledNoticePath(BenchContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The notice killed halfway (issue 13): the production jar sends a notice to the LOST subscribers of the incident
     * through the benchmark's SMSC simulator, is killed (SIGKILL) once the simulator has half of the texts, is
     * started again on the same database, and finishes. The simulator counts per number what it received across
     * both runs: nobody may get the notice twice, and every recipient must be accounted for.
     */
    void noticeKilledHalfway(Path jar) throws Exception {
        SmscSimulator smsc = NoticePaths.benchSmsc();
        AppProcess app = null;
        try {
            List<String> settings = new ArrayList<>(NoticePaths.smscSettings(smsc));
            // what the killed process left sending is failed as "in doubt" a minute after its claim, not five (a
            // shorter time would also fail the batches of a slow but living dispatcher: it checks every node's)
            settings.add("--outagedesk.outbox.in-doubt-after=PT60S");
            app = AppProcess.start(jar, List.of(), ctx.data, "256m", ctx.dir.resolve("notice-kill-0.log"), settings);
            HttpClient http = HttpClient.newHttpClient();
            JsonMapper json = JsonMapper.builder().build();
            String body = json.writeValueAsString(Map.of("incidentId", ctx.incident, "name", "Benchmark notice, killed"
                    + " halfway " + System.nanoTime(), "filter", Map.of("status", List.of("LOST")), "channels",
                    List.of("SMS"), "sms", NoticePaths.NOTICE_SMS, "urgent", true));
            long id = json.readTree(api(http, "POST", app.url("/api/notices"), "manager", body)).get("id").asLong();
            long audience = json.readTree(api(http, "POST", app.url("/api/notices/" + id + "/preview"), "manager",
                    "{}")).get("recipients").asLong();
            api(http, "POST", app.url("/api/notices/" + id + "/submit"), "manager", "{}");
            smsc.resetCounts();
            smsc.keepRecipients(true);
            api(http, "POST", app.url("/api/notices/" + id + "/approve"), "manager2", "{}");
            waitUpTo(Duration.ofMinutes(60), Duration.ofMillis(20), "the notice reaches half of its " + audience
                    + " recipients").until(() -> smsc.texts() >= audience / 2);
            long atKill = smsc.texts();
            app.kill();
            long killedAfter = smsc.texts();
            app = AppProcess.start(jar, List.of(), ctx.data, "256m", ctx.dir.resolve("notice-kill-1.log"), settings);
            AtomicReference<JsonNode> last = new AtomicReference<>();
            AppProcess restarted = app;
            waitUpTo(Duration.ofMinutes(60), Duration.ofSeconds(2), "the notice finishes after the restart")
                    .until(() -> {
                        JsonNode n = json.readTree(api(http, "GET", restarted.url(
                                "/api/notices/" + id), "manager", null));
                        last.set(n);
                        return "COMPLETED".equals(n.get("status").asString())
                                && n.get("counts").path("SENT").asLong() == 0;
                    });
            JsonNode notice = last.get();
            // the failed ones that are in doubt (claimed or outstanding at the kill), read before the jar stops
            long inDoubt = 0;
            for (int page = 0; ; page++) {
                JsonNode failedPage = json.readTree(api(http, "GET", app.url("/api/notices/"
                        + id + "/messages?status=FAILED&size=500&page=" + page), "manager", null));
                for (JsonNode m : failedPage.get("content")) {
                    if (m.path("reason").asString("").startsWith("In doubt")) {
                        inDoubt++;
                    }
                }
                if (page + 1 >= failedPage.get("totalPages").asInt()) {
                    break;
                }
            }
            app.close();
            app = null;
            JsonNode c = notice.get("counts");
            long delivered = c.path("DELIVERED").asLong();
            long failed = c.path("FAILED").asLong();
            long expired = c.path("EXPIRED").asLong();
            long skipped = c.path("SKIPPED").asLong();
            long total = notice.get("total").asLong();
            boolean met = total == audience && delivered + failed + expired + skipped == audience
                    && smsc.numbersReceivedTwice() == 0 && smsc.texts() <= audience;
            String text = String.format(Locale.ROOT, "%,d recipients; killed (SIGKILL) when the simulator had %,d"
                    + " texts (%,d by the time the process was gone), started again: %,d delivered, %,d failed (%,d"
                    + " of them in doubt: claimed or unanswered at the kill, not resent; the rest by the SMSC's"
                    + " receipts), %,d expired, %,d skipped; the simulator received %,d texts in all, %d numbers"
                    + " twice", audience, atKill, killedAfter, delivered, failed, inDoubt, expired, skipped,
                    smsc.texts(), smsc.numbersReceivedTwice());
            ctx.log.append("notice killed halfway: ").append(text).append('\n');
            ctx.table.add(new Row("notice killed halfway and started again (" + thousands(audience)
                    + " LOST subscribers)", Unit.MS, null, null, "nobody twice, all accounted for", verdict(met),
                    "—", text));
            assertThat(met).as(text).isTrue();
        } finally {
            if (app != null) {
                app.close();
            }
            smsc.stop();
        }
    }

    /** A call to the jar's API with the demo user's password; the answer's body, or an exception when not 2xx. */
    private static String api(HttpClient http, String method, String url, String user, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(
                        StandardCharsets.UTF_8))).header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
