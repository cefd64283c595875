package org.outagedesk.impact;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A background import as the screen shows it: which file, who started it, how far it got (0..1, by bytes read
 * while checking, then the merge) and, once done, its result or the failure.
 */
public record ImportJobStatus(String id, long incidentId, String fileName, String startedBy, Instant startedAt,
        Phase phase, double progress, long rowsRead, @Nullable ImportResult result, @Nullable String failure) {

    public enum Phase {
        CHECKING("Checking rows"), MERGING("Saving"), DONE("Done"), FAILED("Failed");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean running() {
        return phase == Phase.CHECKING || phase == Phase.MERGING;
    }
}
