package org.outagedesk;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * The one way a test waits for background work (an import, a campaign run, the outbox, a cache refresh): Awaitility,
 * polling in the test's own thread, because the services read the caller's security context from that thread.
 * A test never sleeps to let time pass: time-based rules run against {@code TestClock}.
 */
public final class Waits {

    private Waits() {
    }

    /** Polls every {@code interval} until the condition given to {@code until(...)} holds, failing after {@code atMost}. */
    public static ConditionFactory waitUpTo(Duration atMost, Duration interval, String what) {
        return Awaitility.await(what).pollInSameThread().atMost(atMost).pollDelay(Duration.ZERO)
                .pollInterval(interval);
    }

    public static ConditionFactory waitUpTo(Duration atMost, String what) {
        return waitUpTo(atMost, Duration.ofMillis(20), what);
    }
}
