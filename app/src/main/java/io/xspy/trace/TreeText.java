package io.xspy.trace;

import java.math.BigInteger;

/**
 * JSON text written the way Jackson writes a tree that {@link Json} read (JsonNode.toString: no
 * spaces, only quotes, backslashes and control characters escaped, numbers as Integer/Long/BigInteger
 * and Double.toString write them, a non-finite double as a string), into one buffer used again for
 * each document. Several times cheaper than a JsonGenerator writing into a StringWriter, which was
 * most of the UDP parser thread's time; SegmentStreamParserTest holds it to Jackson's text.
 * {@link #NONE} writes nothing, for a document whose text is kept as it was given.
 */
class TreeText {

    /** Writes nothing (a document given as text keeps that text). */
    static final TreeText NONE = new TreeText() {
        @Override void reset() {}
        @Override boolean writes() { return false; }
        @Override void startObject() {}
        @Override void endObject() {}
        @Override void startArray() {}
        @Override void endArray() {}
        @Override void field(String name) {}
        @Override void string(String s) {}
        @Override void string(char[] chars, int offset, int length) {}
        @Override void number(int i) {}
        @Override void number(long l) {}
        @Override void number(java.math.BigInteger b) {}
        @Override void number(double d) {}
        @Override void bool(boolean b) {}
        @Override void nul() {}
    };

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder out = new StringBuilder(2048);

    void reset() {
        out.setLength(0);
    }

    /** False for {@link #NONE}: values only copied need not be decoded. */
    boolean writes() {
        return true;
    }

    String text() {
        return out.toString();
    }

    void startObject() {
        separate();
        out.append('{');
    }

    void endObject() {
        out.append('}');
    }

    void startArray() {
        separate();
        out.append('[');
    }

    void endArray() {
        out.append(']');
    }

    void field(String name) {
        separate();
        quoted(name, 0, name.length());
        out.append(':');
    }

    void string(String s) {
        separate();
        quoted(s, 0, s.length());
    }

    void string(char[] chars, int offset, int length) {
        separate();
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            char c = chars[i];
            if (c < 0x20 || c == '"' || c == '\\') { // rare: escaped the long way
                quoted(new String(chars, offset, length), 0, length);
                return;
            }
        }
        out.append('"').append(chars, offset, length).append('"');
    }

    void number(int i) {
        separate();
        out.append(i);
    }

    void number(long l) {
        separate();
        out.append(l);
    }

    void number(BigInteger b) {
        separate();
        out.append(b);
    }

    void number(double d) {
        separate();
        if (Double.isFinite(d)) out.append(Double.toString(d));
        else out.append('"').append(Double.toString(d)).append('"'); // Jackson's WRITE_NAN_AS_STRINGS
    }

    void bool(boolean b) {
        separate();
        out.append(b);
    }

    void nul() {
        separate();
        out.append("null");
    }

    /** A comma before anything that follows a value: the text is compact, so the last character says. */
    private void separate() {
        int n = out.length();
        if (n == 0) return;
        char last = out.charAt(n - 1);
        if (last != '{' && last != '[' && last != ':') out.append(',');
    }

    private void quoted(CharSequence s, int from, int to) {
        out.append('"');
        int plain = from;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            out.append(s, plain, i);
            plain = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(s, plain, to);
        out.append('"');
    }
}
