package io.xspy.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * A key press by name: a printable character ("j", "?", " " is "Space") or a named key ("Enter",
 * "Esc", "Up", "PgDn", "Ctrl-C"). Screens and the key map speak names, so they need no Lanterna.
 */
record Key(String name, Character character) {

    static Key named(String name) { return new Key(name, null); }

    static Key of(char c) { return new Key(c == ' ' ? "Space" : String.valueOf(c), c); }

    boolean isCharacter() { return character != null; }

    static Key from(KeyStroke k) {
        KeyType type = k.getKeyType();
        if (type == KeyType.Character) {
            char c = k.getCharacter();
            if (k.isCtrlDown()) return named("Ctrl-" + Character.toUpperCase(c));
            return of(c);
        }
        return switch (type) {
            case Enter -> named("Enter");
            case Escape -> named("Esc");
            case Backspace -> named("Backspace");
            case Delete -> named("Delete");
            case Tab -> named("Tab");
            case ReverseTab -> named("BackTab");
            case ArrowUp -> named("Up");
            case ArrowDown -> named("Down");
            case ArrowLeft -> named("Left");
            case ArrowRight -> named("Right");
            case PageUp -> named("PgUp");
            case PageDown -> named("PgDn");
            case Home -> named("Home");
            case End -> named("End");
            case EOF -> named("EOF");
            default -> named(type.name());
        };
    }

    /** How help shows a key name. */
    static String label(String name, boolean ascii) {
        if (ascii) return name;
        return switch (name) {
            case "Up" -> "\u2191";
            case "Down" -> "\u2193";
            case "Left" -> "\u2190";
            case "Right" -> "\u2192";
            default -> name;
        };
    }
}
