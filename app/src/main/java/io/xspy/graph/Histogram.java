package io.xspy.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A response-time histogram as X-Ray returns it (ResponseTimeHistogram: values in seconds with
 * counts), from which percentiles are read. Immutable; build with {@link Builder}.
 */
public record Histogram(List<Bucket> buckets) {

    public static final Histogram EMPTY = new Histogram(List.of());

    public record Bucket(double value, long count) {}

    public Histogram {
        buckets = List.copyOf(buckets);
    }

    public long total() {
        long n = 0;
        for (Bucket b : buckets) n += b.count;
        return n;
    }

    /**
     * The smallest value v such that at least {@code q} (0..1) of all samples are at most v
     * (nearest-rank); NaN when empty.
     */
    public double percentile(double q) {
        long total = total();
        if (total == 0) return Double.NaN;
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (Bucket b : buckets) {
            seen += b.count;
            if (seen >= rank) return b.value;
        }
        return buckets.get(buckets.size() - 1).value;
    }

    /** Collects samples rounded to a resolution (X-Ray reports buckets, not raw samples). */
    public static final class Builder {
        private final TreeMap<Double, Long> counts = new TreeMap<>();
        private final double resolution;

        /** @param resolution bucket width in seconds, for example 0.001 */
        public Builder(double resolution) {
            this.resolution = resolution;
        }

        public Builder add(double seconds) {
            return add(seconds, 1);
        }

        public Builder add(double seconds, long count) {
            double key = bucketOf(seconds);
            counts.merge(key, count, Long::sum);
            return this;
        }

        public Builder addAll(Histogram h) {
            for (Bucket b : h.buckets) add(b.value, b.count);
            return this;
        }

        /** The bucket value of a sample: 0.1024 s at 1 ms is 0.102, not 0.10200000000000001. */
        private double bucketOf(double seconds) {
            double steps = Math.round(seconds / resolution);
            double perUnit = Math.rint(1 / resolution);
            return resolution < 1 && Math.abs(perUnit * resolution - 1) < 1e-12 ? steps / perUnit : steps * resolution;
        }

        public Histogram build() {
            List<Bucket> out = new ArrayList<>(counts.size());
            for (Map.Entry<Double, Long> e : counts.entrySet()) out.add(new Bucket(e.getKey(), e.getValue()));
            return new Histogram(out);
        }
    }
}
