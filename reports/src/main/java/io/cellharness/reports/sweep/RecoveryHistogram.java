package io.cellharness.reports.sweep;

import io.cellharness.reports.html.VirtualTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Recovery times binned for a histogram: between 5 and 30 bins (about √n) of a nice width (1-2-5 ms, then whole
 * seconds and minutes), and the p50, p99 and maximum (nearest-rank percentiles: a value that was observed).
 *
 * @param binWidthMillis the width of every bin
 * @param firstBinMillis where the first bin starts (a multiple of the width)
 * @param counts recoveries per bin; bin {@code i} holds {@code [first + i·width, first + (i+1)·width)}
 * @param p50 the median recovery time
 * @param p99 the 99th percentile
 * @param max the longest recovery
 */
record RecoveryHistogram(long binWidthMillis, long firstBinMillis, List<Integer> counts, long p50, long p99,
        long max) {

    private static final int MIN_BINS = 5;
    private static final int MAX_BINS = 30;

    RecoveryHistogram {
        counts = List.copyOf(counts);
    }

    /** The histogram of {@code recoveries}, or empty when there are none. */
    static Optional<RecoveryHistogram> of(List<Long> recoveries) {
        if (recoveries.isEmpty()) {
            return Optional.empty();
        }
        List<Long> sorted = new ArrayList<>(recoveries);
        Collections.sort(sorted);
        long min = sorted.get(0);
        long max = sorted.get(sorted.size() - 1);
        int target = (int) Math.max(MIN_BINS, Math.min(MAX_BINS, Math.ceil(Math.sqrt(sorted.size()))));
        long width = max == min
                ? VirtualTime.niceStepAtLeast(Math.max(1, max / 10))
                : VirtualTime.niceStepAtLeast(Math.max(1, (max - min + target - 1) / target));
        long first = Math.floorDiv(min, width) * width;
        int bins = (int) ((max - first) / width) + 1;
        List<Integer> counts = new ArrayList<>(Collections.nCopies(bins, 0));
        for (long r : sorted) {
            int bin = (int) ((r - first) / width);
            counts.set(bin, counts.get(bin) + 1);
        }
        return Optional.of(new RecoveryHistogram(width, first, counts, percentile(sorted, 50), percentile(sorted, 99),
                max));
    }

    /** Nearest rank: the smallest observed value with at least {@code percent}% of the values at or below it. */
    static long percentile(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    long binStart(int bin) {
        return firstBinMillis + bin * binWidthMillis;
    }

    long endMillis() {
        return binStart(counts.size());
    }

    int samples() {
        return counts.stream().mapToInt(Integer::intValue).sum();
    }

    int tallest() {
        return counts.stream().mapToInt(Integer::intValue).max().orElse(0);
    }
}
