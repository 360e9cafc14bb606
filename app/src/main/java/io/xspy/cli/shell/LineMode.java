package io.xspy.cli.shell;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jline.utils.InfoCmp;
import org.jline.utils.InfoCmp.Capability;

/** Whether the full-screen UI can draw on this terminal, and if not, the one sentence that says why. */
public final class LineMode {
    private LineMode() {}

    /**
     * Null when the terminal can address the cursor (or nothing is known against it); else why xspy
     * starts its line-mode shell instead. An unset TERM is left to the full-screen UI, as before.
     */
    public static String why(Map<String, String> env) {
        String term = env.get("TERM");
        if (term == null || term.isBlank()) return null;
        if (term.equals("dumb") || term.startsWith("dumb-")) {
            return "TERM=" + term + " cannot move the cursor, so the full-screen UI cannot draw here:"
                    + " starting the line-mode shell instead (help lists its commands).";
        }
        return knownFullScreen(term) || canAddressCursor(term) ? null
                : "the terminal type " + term + " has no cursor addressing, so the full-screen UI cannot draw here:"
                        + " starting the line-mode shell instead (help lists its commands).";
    }

    /** Families of terminal types that all address the cursor: asking infocmp about them would cost a process at start-up. */
    private static final Set<String> FULL_SCREEN_FAMILIES = Set.of("xterm", "screen", "tmux", "rxvt", "linux", "vt100",
            "vt102", "vt220", "ansi", "alacritty", "foot", "wezterm", "kitty", "konsole", "gnome", "putty", "st", "iterm2");

    /** Whether the type is of a family that surely draws full screen (the name up to its first '-' or '.'). */
    static boolean knownFullScreen(String term) {
        int end = term.length();
        for (int i = 0; i < term.length(); i++) {
            if (term.charAt(i) == '-' || term.charAt(i) == '.') {
                end = i;
                break;
            }
        }
        return FULL_SCREEN_FAMILIES.contains(term.substring(0, end));
    }

    /** From terminfo (JLine's built-in entries, else infocmp); a type it cannot describe counts as able. */
    static boolean canAddressCursor(String term) {
        if (!term.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '+' || c == '_')) {
            return true; // not a name infocmp should be asked about
        }
        try {
            String info = InfoCmp.getInfoCmp(term);
            Map<Capability, String> strings = new HashMap<>();
            InfoCmp.parseInfoCmp(info, new java.util.HashSet<>(), new HashMap<>(), strings);
            return strings.isEmpty() || strings.containsKey(Capability.cursor_address);
        } catch (Exception | LinkageError e) {
            return true;
        }
    }
}
