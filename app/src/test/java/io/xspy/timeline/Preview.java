package io.xspy.timeline;

import io.xspy.trace.TestTraces;
import io.xspy.trace.Trace;
import java.util.Set;

/** Prints a fixture's timeline: a developer's look while tuning the renderer. */
final class Preview {
    public static void main(String[] args) {
        Trace t = TestTraces.fixture(args[0]);
        int width = Integer.parseInt(args[1]);
        boolean ascii = args.length > 2 && args[2].equals("ascii");
        System.out.print(AnsiText.of(TimelineRenderer.render(t, TimelineLayout.rows(t, Set.of()),
                TimelineOptions.full(width, ascii)), false));
    }
}
