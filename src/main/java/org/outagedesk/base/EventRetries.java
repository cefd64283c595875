package org.outagedesk.base;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Runs again the after-commit listeners that have not finished (decision 0020): every {@code outagedesk.events.retry-every},
 * each event publication left incomplete for longer than {@code outagedesk.events.retry-after} (the listener threw, or
 * the node died between the business commit and the listener's) is handed to its listener once more. Safe on several
 * nodes: each node runs this, but a publication is claimed by one UPDATE (status to RESUBMITTED) before it runs, so two
 * nodes do not both take it; and the listeners queue into the outbox under a unique key (event, recipient, channel),
 * so even a listener run twice (a slow first run overtaken by the retry) queues each e-mail once. Not at start-up
 * ({@code republish-outstanding-events-on-restart}): that would take every incomplete publication, including the
 * ones other nodes are running at that moment.
 */
@Component
class EventRetries {

    private static final Logger log = LoggerFactory.getLogger(EventRetries.class);

    private final IncompleteEventPublications incomplete;
    private final Duration after;
    private final Duration every;
    private final BackgroundTimer timer = new BackgroundTimer("event-retries", log);

    EventRetries(IncompleteEventPublications incomplete, EventSettings settings) {
        this.incomplete = incomplete;
        this.after = settings.retryAfter();
        this.every = settings.retryEvery();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Duration period = every.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : every;
        timer.start(period, period, this::retryNow);
    }

    @PreDestroy
    void stop() {
        timer.stop();
    }

    /** Hands each publication incomplete for longer than {@code retry-after} to its listener again. */
    void retryNow() {
        // nobody started this: it runs as the system user, like the other background jobs
        SystemActor.run(() -> incomplete.resubmitIncompletePublicationsOlderThan(after));
    }
}
