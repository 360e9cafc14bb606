package io.xspy.bench;

import java.util.Locale;

/**
 * The machine-readable lines a measure class prints beside its prose, for bench/run.sh to store in
 * bench/results/: {@code result<TAB>key<TAB>value<TAB>unit}.
 */
public final class Results {

    private Results() {}

    public static void print(String key, double value, String unit) {
        System.out.printf(Locale.ROOT, "result\t%s\t%s\t%s%n", key, value, unit);
    }
}
