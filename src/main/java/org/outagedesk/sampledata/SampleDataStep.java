package org.outagedesk.sampledata;

/**
 * One part of the sample Sidekick scenario, contributed by the feature that owns the data. Steps run in
 * {@link #order()} on the first start of the demo profile, as the user "system" (an incident manager), and each
 * must load its data through the same service methods that people use: the sample data is no second path.
 */
public interface SampleDataStep {

    /** A stable name: a step that is recorded as loaded is not loaded again. */
    String name();

    /** Lower runs first. The catalog is 100, users 200; later features use 300 and up. */
    int order();

    void load(SampleFiles files);
}
