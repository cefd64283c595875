package org.outagedesk.sampledata;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Whether the sample scenario is still loading, and which step: on a new database the console answers about 20 s
 * before the scenario is in it, and a manager who signed in at once saw empty screens that said "nothing here yet".
 * The sign-in page says so while it lasts. Outside the demo profile nothing loads and this says so.
 */
@Component
public class SampleDataProgress {

    private volatile @Nullable Loading loading;

    /** The step being loaded: its number (from 1) and how many there are (their names are codes, not shown). */
    public record Loading(int step, int steps) {
    }

    /** The step loading now, or null when nothing is loading (done, or nothing to load). */
    public @Nullable Loading loading() {
        return loading;
    }

    void loading(int step, int steps) {
        loading = new Loading(step, steps);
    }

    void done() {
        loading = null;
    }
}
