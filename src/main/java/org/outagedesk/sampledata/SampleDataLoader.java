package org.outagedesk.sampledata;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.outagedesk.base.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the sample Sidekick scenario on start in the demo profile: each step once per database, in order. A step
 * that fails stops the start-up with its message rather than leaving a half-loaded scenario that looks complete.
 */
@Component
@Profile("demo")
@Order(0)
class SampleDataLoader implements ApplicationRunner, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SampleDataLoader.class);

    private final List<SampleDataStep> steps;
    private final SampleDataStepRepository loaded;
    private final Clock clock;
    private final SampleDataProgress progress;

    SampleDataLoader(List<SampleDataStep> steps, SampleDataStepRepository loaded, Clock clock,
            SampleDataProgress progress) {
        this.steps = steps;
        this.loaded = loaded;
        this.clock = clock;
        this.progress = progress;
    }

    /**
     * Before the web server opens (the steps run after it, as an application runner): the sign-in page answers some
     * seconds before the first step starts, and before the demo users are in, a sign-in failed as a wrong password.
     */
    @Override
    public void afterSingletonsInstantiated() {
        int n = toLoad().size();
        if (n > 0) {
            progress.loading(1, n);
        }
    }

    private List<SampleDataStep> toLoad() {
        return steps.stream().sorted(Comparator.comparingInt(SampleDataStep::order))
                .filter(step -> !loaded.existsById(step.name())).toList();
    }

    @Override
    public void run(ApplicationArguments args) {
        SampleFiles files = new SampleFiles();
        List<SampleDataStep> toLoad = toLoad();
        try {
            for (int k = 0; k < toLoad.size(); k++) {
                SampleDataStep step = toLoad.get(k);
                progress.loading(k + 1, toLoad.size());
                long started = System.nanoTime();
                SystemActor.run(() -> step.load(files));
                loaded.save(new SampleDataStepRecord(step.name(), clock.instant()));
                log.info("Sample data: loaded '{}' in {} ms", step.name(), (System.nanoTime() - started) / 1_000_000);
            }
        } finally {
            progress.done();
        }
    }
}
