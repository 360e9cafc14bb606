package io.xspy.tui;

import java.util.ArrayList;
import java.util.List;

/** Joining binding lists (a screen's movement keys and its own). */
final class Lists {
    private Lists() {}

    @SafeVarargs
    static <T> List<T> concat(List<? extends T>... parts) {
        List<T> out = new ArrayList<>();
        for (List<? extends T> p : parts) out.addAll(p);
        return List.copyOf(out);
    }
}
