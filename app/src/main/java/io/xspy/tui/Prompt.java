package io.xspy.tui;

import java.util.List;

/** A line being edited at the bottom of the screen: a filter, a command or a custom time span. */
final class Prompt {
    enum Kind {
        FILTER("filter> "), COMMAND(":"), SEARCH("search> "), SPAN("window (e.g. 90s, 30m, 2h, 1d)> "),
        MOMENT("split at (+10m, 14:40, 5m before the end)> ");

        final String label;

        Kind(String label) { this.label = label; }
    }

    final Kind kind;
    final List<String> history;
    final StringBuilder text;
    int cursor;
    int historyIndex;
    String error;
    int errorColumn;

    Prompt(Kind kind, String initial, List<String> history) {
        this.kind = kind;
        this.text = new StringBuilder(initial);
        this.cursor = text.length();
        this.history = history;
        this.historyIndex = history.size();
    }

    String text() { return text.toString(); }

    /** Edits the line; returns false for keys it does not handle (Enter, Esc). */
    boolean edit(Key key) {
        switch (key.name()) {
            case "Backspace" -> {
                if (cursor > 0) text.deleteCharAt(--cursor);
            }
            case "Delete" -> {
                if (cursor < text.length()) text.deleteCharAt(cursor);
            }
            case "Left" -> cursor = Math.max(0, cursor - 1);
            case "Right" -> cursor = Math.min(text.length(), cursor + 1);
            case "Home", "Ctrl-A" -> cursor = 0;
            case "End", "Ctrl-E" -> cursor = text.length();
            case "Ctrl-U" -> {
                text.delete(0, cursor);
                cursor = 0;
            }
            case "Up" -> recall(historyIndex - 1);
            case "Down" -> recall(historyIndex + 1);
            default -> {
                if (!key.isCharacter()) return false;
                text.insert(cursor++, key.character().charValue());
            }
        }
        error = null;
        return true;
    }

    private void recall(int index) {
        if (index < 0 || index > history.size()) return;
        historyIndex = index;
        text.setLength(0);
        if (index < history.size()) text.append(history.get(index));
        cursor = text.length();
    }

    static void remember(List<String> history, String entry) {
        if (entry.isBlank()) return;
        history.remove(entry);
        history.add(entry);
        if (history.size() > 100) history.remove(0);
    }
}
