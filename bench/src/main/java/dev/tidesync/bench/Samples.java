package dev.tidesync.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Timings of one case in milliseconds, with the statistics the reports use. */
public final class Samples {

    private final String name;
    private final List<Double> ms = new ArrayList<>();

    public Samples(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public void add(double millis) {
        ms.add(millis);
    }

    public void addNanos(long nanos) {
        ms.add(nanos / 1e6);
    }

    public int count() {
        return ms.size();
    }

    public double median() {
        return percentile(50);
    }

    public double p95() {
        return percentile(95);
    }

    /** Nearest-rank percentile. */
    public double percentile(int p) {
        if (ms.isEmpty()) {
            throw new IllegalStateException("no samples for " + name);
        }
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** "61.0 ms (p95 83.2 ms, n=50)" */
    public String summary() {
        return "%s (p95 %s, n=%d)".formatted(Report.ms(median()), Report.ms(p95()), count());
    }
}
