package org.outagedesk.sampledata;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.outagedesk.base.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
class SampleDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SampleDataLoader.class);

    private final List<SampleDataStep> steps;
    private final SampleDataStepRepository loaded;
    private final Clock clock;

    SampleDataLoader(List<SampleDataStep> steps, SampleDataStepRepository loaded, Clock clock) {
        this.steps = steps;
        this.loaded = loaded;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        SampleFiles files = new SampleFiles();
        for (SampleDataStep step : steps.stream().sorted(Comparator.comparingInt(SampleDataStep::order)).toList()) {
            if (loaded.existsById(step.name())) {
                continue;
            }
            long started = System.nanoTime();
            SystemActor.run(() -> step.load(files));
            loaded.save(new SampleDataStepRecord(step.name(), clock.instant()));
            log.info("Sample data: loaded '{}' in {} ms", step.name(), (System.nanoTime() - started) / 1_000_000);
        }
    }
}
