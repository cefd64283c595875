package org.outagedesk.sampledata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On a new database the console answers before the sample scenario is loaded: the sign-in page says it is still
 * loading (which part of how many, no step's code), and says nothing once it is done.
 */
@IntegrationTest
class SampleDataProgressTest {

    @LocalServerPort
    int port;
    @Autowired
    SampleDataProgress progress;
    @Autowired
    SampleDataStepRepository loaded;
    @Autowired
    Clock clock;

    @AfterEach
    void done() {
        progress.done();
    }

    private String signInPage() throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + port + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    @Test
    void the_sign_in_page_says_the_sample_scenario_is_loading_while_it_is_and_nothing_once_it_is_done()
            throws Exception {
        assertThat(progress.loading()).as("loaded when the application started").isNull();
        assertThat(signInPage()).doesNotContain("sample-loading").doesNotContain("Still loading");

        progress.loading(3, 9);
        assertThat(signInPage()).contains("id=\"sample-loading\"")
                .contains("Still loading the sample scenario (part 3 of 9)");

        progress.done();
        assertThat(signInPage()).doesNotContain("sample-loading");
    }

    /** A step not loaded yet, which notes what the sign-in page would say while it loads. */
    private SampleDataStep step(String name, int order, List<SampleDataProgress.Loading> seen) {
        return new SampleDataStep() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public void load(SampleFiles files) {
                seen.add(progress.loading());
            }
        };
    }

    @Test
    void the_loader_counts_only_the_steps_still_to_load_and_is_done_after_the_last() {
        String id = UUID.randomUUID().toString();
        List<SampleDataProgress.Loading> seen = new ArrayList<>();
        List<SampleDataStep> steps = List.of(step("test-later-" + id, 2, seen), step("test-first-" + id, 1, seen));
        // a step loaded before is skipped, not counted
        loaded.save(new SampleDataStepRecord("test-done-" + id, clock.instant()));
        List<SampleDataStep> all = new ArrayList<>(steps);
        all.add(step("test-done-" + id, 0, seen));

        SampleDataLoader loader = new SampleDataLoader(all, loaded, clock, progress);
        // before the web server opens: the first of the steps still to load
        loader.afterSingletonsInstantiated();
        assertThat(progress.loading()).isEqualTo(new SampleDataProgress.Loading(1, 2));

        loader.run(null);

        assertThat(seen).containsExactly(new SampleDataProgress.Loading(1, 2), new SampleDataProgress.Loading(2, 2));
        assertThat(progress.loading()).isNull();
    }
}
