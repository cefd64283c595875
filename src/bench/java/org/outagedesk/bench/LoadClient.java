package org.outagedesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A closed-loop HTTP load from this process (the application runs in another): {@code threads} clients each send
 * the next request as soon as the last one answered, for {@code seconds}. Latencies are kept per thread in arrays.
 */
final class LoadClient {

    /** {@code withCookie}: answers that carried a Set-Cookie header (an anonymous page must set none). */
    record Result(long requests, long errors, double seconds, double perSecond, double p50Ms, double p99Ms,
            long withCookie) {
    }

    /** {@code answerOk}: what a right answer's body says; a 200 with any other body counts as an error. */
    static Result run(String url, String user, String password, int threads, int seconds,
            Predicate<String> answerOk) throws Exception {
        return run(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").build(), threads, seconds, answerOk);
    }

    /** As a browser that never signed in: no credentials, no cookies kept. */
    static Result anonymous(String url, int threads, int seconds) throws Exception {
        return run(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).header("Accept", "*/*")
                .build(), threads, seconds, body -> true);
    }

    private static Result run(HttpRequest request, int threads, int seconds,
            Predicate<String> answerOk) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong withCookie = new AtomicLong();
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] workers = new Thread[threads];
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int me = t;
            latencies[me] = new long[1 << 16];
            workers[t] = Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end) {
                    long s = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200
                                || !answerOk.test(new String(r.body(), StandardCharsets.UTF_8))) {
                            errors.incrementAndGet();
                            continue;
                        }
                        if (r.headers().firstValue("Set-Cookie").isPresent()) {
                            withCookie.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        continue;
                    }
                    long took = System.nanoTime() - s;
                    if (counts[me] == latencies[me].length) {
                        latencies[me] = Arrays.copyOf(latencies[me], latencies[me].length * 2);
                    }
                    latencies[me][counts[me]++] = took;
                }
            });
        }
        for (Thread w : workers) {
            w.join();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Result(total, errors.get(), elapsed, total / elapsed, percentile(all, 0.50),
                percentile(all, 0.99), withCookie.get());
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }
}
