package org.outagedesk.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/** Timings of one path's runs and the peak heap seen while they ran. */
final class Stats {

    private final List<Double> millis = new ArrayList<>();
    private long peakHeapBytes = -1;

    void add(double ms) {
        millis.add(ms);
    }

    void peakHeap(long bytes) {
        peakHeapBytes = Math.max(peakHeapBytes, bytes);
    }

    long peakHeapBytes() {
        return peakHeapBytes;
    }

    boolean isEmpty() {
        return millis.isEmpty();
    }

    int runs() {
        return millis.size();
    }

    double median() {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    List<Double> all() {
        return List.copyOf(millis);
    }

    /** Runs {@code work} once and adds its time in milliseconds (the heap it used is another process's). */
    <T> T timeOnly(Callable<T> work) throws Exception {
        long t0 = System.nanoTime();
        T result = work.call();
        add((System.nanoTime() - t0) / 1e6);
        return result;
    }

    /** Runs {@code work} once, adds its time in milliseconds and this JVM's highest heap use during it. */
    <T> T time(Callable<T> work) throws Exception {
        try (HeapSampler heap = HeapSampler.here()) {
            long t0 = System.nanoTime();
            T result = work.call();
            add((System.nanoTime() - t0) / 1e6);
            peakHeap(heap.max());
            return result;
        }
    }
}
