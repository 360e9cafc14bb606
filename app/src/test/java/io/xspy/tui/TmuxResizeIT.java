package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * After any resize the real terminal shows exactly what a fresh xspy draws at that size: the
 * stormed session's text must equal a fresh session's, cell for cell. Both run the demo over the
 * same fixed window (--until), so neither the header clock nor newly arriving demo traffic can tell
 * them apart; nothing is masked. (Text, not tmux's styled capture: that one also encodes the
 * invisible colour of blank cells, which differs with the order cells were written in.)
 */
class TmuxResizeIT {

    /** A window in the demo's history that ended a few minutes ago: the same for both sessions. */
    private static String[] args() {
        Instant until = Instant.now().minus(3, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
        return new String[] {"--demo", "--since", "10m", "--until", until.toString()};
    }

    @Test
    void shrinkingAndGrowingLeavesWhatAFreshStartDraws() throws Exception {
        stormEndsAsFresh(120, 36, new int[][] {{17, 5}, {120, 36}, {80, 24}, {40, 10}, {200, 50}, {17, 5}, {120, 36}});
    }

    @Test
    void shrinkingTo80x24LeavesWhatAFreshStartDraws() throws Exception {
        stormEndsAsFresh(80, 24, new int[][] {{80, 24}});
    }

    private static void stormEndsAsFresh(int width, int height, int[][] storm) throws Exception {
        Tmux.require();
        String[] args = args();
        try (Tmux fresh = Tmux.xspy(storm[storm.length - 1][0], storm[storm.length - 1][1], args);
             Tmux stormed = Tmux.xspy(width, height, args)) {
            fresh.waitFor(TmuxEndToEndIT::servicesShown, "the fresh services screen");
            String expected = fresh.screen();
            stormed.waitFor(TmuxEndToEndIT::servicesShown, "the services screen before the storm");
            for (int[] size : storm) stormed.resize(size[0], size[1]);
            String after = stormed.waitFor(expected::equals, "the stormed screen to equal a fresh one");
            assertEquals(expected, after);

            // something else writes on the terminal; Ctrl-L repaints it all
            stormed.scribble("\u001b[2;1Hscribbled over by another program");
            stormed.waitFor(s -> s.contains("scribbled over"), "the scribble on screen");
            stormed.keys("C-l");
            assertTrue(stormed.waitFor(expected::equals, "Ctrl-L to repaint the whole screen").equals(expected));
        }
    }
}
