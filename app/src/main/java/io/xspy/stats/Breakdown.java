package io.xspy.stats;

import io.xspy.query.Filter;
import io.xspy.trace.LambdaInvocation;
import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Part-whole across traces: where a Lambda function's time goes, invocation by invocation, split
 * into dwell time, initialization, its own code, each call it makes to AWS (or another remote
 * service) and Lambda's overhead, for cold and warm starts apart. Own code is the Invocation phase
 * less the calls made in it (calls that overlap count twice, so it is never below zero). Also the
 * mean number of attempts.
 *
 * <p>"At p95" is the slow tail: the mean of each part over the invocations whose total is at or above
 * the 95th percentile of the totals, so the parts add up to the tail's total (the p95 of each part
 * alone is given too, but those do not add up).
 */
public record Breakdown(String function, List<String> parts, Side cold, Side warm) {

    public static final String DWELL = "dwell";
    public static final String INIT = "init";
    public static final String OWN_CODE = "own code";
    public static final String OVERHEAD = "overhead";

    /** The invocations of one temperature: their count and, per part (in the order of {@code parts}), seconds. */
    public record Side(int invocations, double[] mean, double[] p95, double[] tail, Distribution total, double attempts) {
        public double meanTotal() {
            double s = 0;
            for (double v : mean) s += v;
            return s;
        }

        public double tailTotal() {
            double s = 0;
            for (double v : tail) s += v;
            return s;
        }
    }

    /** The Lambda functions of the traces that match the filter and the selector, by name. */
    public static List<Breakdown> of(Iterable<Trace> traces, Filter filter, Predicate<String> functions) {
        Map<String, List<Map<String, Double>>> cold = new TreeMap<>();
        Map<String, List<Map<String, Double>>> warm = new TreeMap<>();
        Map<String, List<Integer>> attemptsCold = new TreeMap<>();
        Map<String, List<Integer>> attemptsWarm = new TreeMap<>();
        Map<String, TreeSet<String>> calls = new TreeMap<>();
        for (Trace trace : traces) {
            if (!filter.matches(trace)) continue;
            for (LambdaInvocation inv : LambdaInvocation.of(trace)) {
                if (inv.functionSegment() == null || !functions.test(inv.functionName())) continue;
                Map<String, Double> parts = parts(inv);
                TreeSet<String> names = calls.computeIfAbsent(inv.functionName(), k -> new TreeSet<>());
                parts.keySet().forEach(k -> {
                    if (!k.equals(DWELL) && !k.equals(INIT) && !k.equals(OWN_CODE) && !k.equals(OVERHEAD)) names.add(k);
                });
                (inv.coldStart() ? cold : warm).computeIfAbsent(inv.functionName(), k -> new ArrayList<>()).add(parts);
                (inv.coldStart() ? attemptsCold : attemptsWarm).computeIfAbsent(inv.functionName(), k -> new ArrayList<>())
                        .add(inv.attempts());
            }
        }
        List<Breakdown> out = new ArrayList<>();
        for (Map.Entry<String, TreeSet<String>> e : calls.entrySet()) {
            List<String> order = new ArrayList<>(List.of(DWELL, INIT, OWN_CODE));
            order.addAll(e.getValue());
            order.add(OVERHEAD);
            String fn = e.getKey();
            out.add(new Breakdown(fn, List.copyOf(order), side(cold.get(fn), attemptsCold.get(fn), order),
                    side(warm.get(fn), attemptsWarm.get(fn), order)));
        }
        return out;
    }

    /** One invocation's parts in seconds. */
    static Map<String, Double> parts(LambdaInvocation inv) {
        Map<String, Double> parts = new LinkedHashMap<>();
        parts.put(DWELL, inv.dwellTime());
        parts.put(INIT, inv.initDuration());
        double callTime = 0;
        for (Segment phase : inv.functionSegment().subsegments()) {
            if (!phase.name().equals("Invocation")) continue;
            ArrayDeque<Segment> todo = new ArrayDeque<>(phase.subsegments());
            while (!todo.isEmpty()) {
                Segment s = todo.pop();
                if (s.isRemote()) {
                    parts.merge(SpanWalk.label(s), s.duration(), Double::sum);
                    callTime += s.duration();
                } else {
                    s.subsegments().forEach(todo::push);
                }
            }
        }
        parts.put(OWN_CODE, Math.max(0, inv.invocationDuration() - callTime));
        parts.put(OVERHEAD, inv.overhead());
        return parts;
    }

    private static Side side(List<Map<String, Double>> invocations, List<Integer> attempts, List<String> order) {
        int n = invocations == null ? 0 : invocations.size();
        double[] mean = new double[order.size()];
        double[] p95 = new double[order.size()];
        double[] tail = new double[order.size()];
        if (n == 0) return new Side(0, mean, p95, tail, Distribution.EMPTY, Double.NaN);
        double[] totals = new double[n];
        for (int i = 0; i < n; i++) for (double v : invocations.get(i).values()) totals[i] += v;
        Distribution total = Distribution.ofSeconds(totals);
        long tailFrom = Distribution.toMicros(totals.length == 0 ? 0 : total.percentile(95));
        int inTail = 0;
        for (int c = 0; c < order.size(); c++) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) values[i] = invocations.get(i).getOrDefault(order.get(c), 0.0);
            double sum = 0;
            for (double v : values) sum += v;
            mean[c] = sum / n;
            p95[c] = Distribution.ofSeconds(values).percentile(95);
            double tailSum = 0;
            inTail = 0;
            for (int i = 0; i < n; i++) {
                // the histogram reports the top of the p95's bucket: compare at the same precision
                if (total.reported(Distribution.toMicros(totals[i])) >= tailFrom) {
                    tailSum += values[i];
                    inTail++;
                }
            }
            tail[c] = inTail == 0 ? 0 : tailSum / inTail;
        }
        double attemptSum = 0;
        for (int a : attempts) attemptSum += a;
        return new Side(n, mean, p95, tail, total, attemptSum / attempts.size());
    }
}
