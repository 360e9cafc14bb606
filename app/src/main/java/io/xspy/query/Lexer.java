package io.xspy.query;

import java.util.ArrayList;
import java.util.List;

/** Splits a filter expression into tokens; every token knows its 1-based column. */
final class Lexer {

    enum Type { WORD, STRING, NUMBER, JSON, OPERATOR, BANG, LPAREN, RPAREN, LBRACE, RBRACE, LBRACKET, RBRACKET, COMMA, COLON, END }

    /** One token. {@code text} is the source text, except for strings, where it is the unescaped value. */
    record Token(Type type, String text, int column) {
        boolean is(Type t) {
            return type == t;
        }

        /** Whether this is the word {@code word}, ignoring case (keywords and operators are case-insensitive). */
        boolean isWord(String word) {
            return type == Type.WORD && text.equalsIgnoreCase(word);
        }

        /** How error messages show the token. */
        String describe() {
            return switch (type) {
                case END -> "end of expression";
                case STRING -> "the string \"" + text + "\"";
                default -> "\"" + text + "\"";
            };
        }
    }

    private final String source;
    private int pos;

    private Lexer(String source) {
        this.source = source;
    }

    static List<Token> tokens(String source) {
        Lexer lexer = new Lexer(source);
        List<Token> out = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            out.add(t);
        } while (t.type() != Type.END);
        return out;
    }

    private Token next() {
        while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) pos++;
        int start = pos;
        int column = start + 1;
        if (pos >= source.length()) return new Token(Type.END, "", column);
        char c = source.charAt(pos);
        if (Character.isLetter(c) || c == '_') {
            while (pos < source.length() && isWordPart(source.charAt(pos))) pos++;
            return new Token(Type.WORD, source.substring(start, pos), column);
        }
        if (isDigit(c) || (c == '-' || c == '.') && pos + 1 < source.length() && isDigit(source.charAt(pos + 1))) {
            return number(start);
        }
        pos++;
        switch (c) {
            case '"': return string(start);
            case '#':
                if (pos < source.length() && (source.charAt(pos) == '[' || source.charAt(pos) == '{')) return json(start);
                throw new FilterSyntaxException("\"#\" starts a JSON value (#[ ... ] or #{ ... }) and must be followed by [ or {",
                        column);
            case '(': return new Token(Type.LPAREN, "(", column);
            case ')': return new Token(Type.RPAREN, ")", column);
            case '{': return new Token(Type.LBRACE, "{", column);
            case '}': return new Token(Type.RBRACE, "}", column);
            case '[': return new Token(Type.LBRACKET, "[", column);
            case ']': return new Token(Type.RBRACKET, "]", column);
            case ',': return new Token(Type.COMMA, ",", column);
            case ':': return new Token(Type.COLON, ":", column);
            case '=': return new Token(Type.OPERATOR, "=", column);
            case '!':
            case '<':
            case '>':
                if (pos < source.length() && source.charAt(pos) == '=') {
                    pos++;
                    return new Token(Type.OPERATOR, c + "=", column);
                }
                return c == '!' ? new Token(Type.BANG, "!", column) : new Token(Type.OPERATOR, String.valueOf(c), column);
            default:
                // the whole code point, not half of a surrogate pair
                throw new FilterSyntaxException("unexpected character " + quoteChar(source.codePointAt(start))
                        + " in the filter expression", column);
        }
    }

    private Token number(int start) {
        if (source.charAt(pos) == '-') pos++;
        digits();
        if (pos < source.length() && source.charAt(pos) == '.') {
            pos++;
            digits();
        }
        if (pos < source.length() && (source.charAt(pos) == 'e' || source.charAt(pos) == 'E')) {
            int mark = pos++;
            if (pos < source.length() && (source.charAt(pos) == '+' || source.charAt(pos) == '-')) pos++;
            if (pos < source.length() && isDigit(source.charAt(pos))) digits();
            else pos = mark; // not an exponent: "e" starts the next word
        }
        if (pos < source.length() && (Character.isLetter(source.charAt(pos)) || source.charAt(pos) == '_')) {
            throw new FilterSyntaxException("a number cannot run into a word: \""
                    + source.substring(start, Math.min(source.length(), pos + 1)) + "\"", start + 1);
        }
        String text = source.substring(start, pos);
        checkRange(text, start + 1);
        return new Token(Type.NUMBER, text, start + 1);
    }

    /** Longest number literal read; more digits than this mean nothing to a double. */
    static final int MAX_NUMBER_LENGTH = 64;

    /** Refuses literals a double cannot hold, rather than comparing with infinity or zero. */
    private static void checkRange(String text, int column) {
        if (text.length() > MAX_NUMBER_LENGTH) {
            throw new FilterSyntaxException("a number of " + text.length() + " characters; at most "
                    + MAX_NUMBER_LENGTH + " digits are read", column);
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new FilterSyntaxException("the number " + text + " is too large (at most about 1.8e308)", column);
        }
        if (value == 0 && mantissaNonZero(text)) {
            throw new FilterSyntaxException("the number " + text + " is too small to tell from 0 (at least about 4.9e-324)",
                    column);
        }
    }

    private static boolean mantissaNonZero(String text) {
        int e = Math.max(text.indexOf('e'), text.indexOf('E'));
        String mantissa = e < 0 ? text : text.substring(0, e);
        return mantissa.chars().anyMatch(c -> c >= '1' && c <= '9');
    }

    /**
     * A JSON value after "#", as in X-Ray's {@code rootcause.json = #[{ "Services": [ ... ] }]}: brackets are
     * matched outside strings to find its end; the parser reads it as JSON. The token's text is the JSON.
     */
    private Token json(int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start + 1; i < source.length(); i++) {
            char c = source.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if ((c == ']' || c == '}') && --depth == 0) {
                pos = i + 1;
                return new Token(Type.JSON, source.substring(start + 1, pos), start + 1);
            }
        }
        throw new FilterSyntaxException("the JSON value starting here is never closed", start + 1);
    }

    private void digits() {
        while (pos < source.length() && isDigit(source.charAt(pos))) pos++;
    }

    /** A double-quoted string; escapes as in JSON: \" \\ \/ \b \f \n \r \t \\uXXXX. */
    private Token string(int start) {
        StringBuilder value = new StringBuilder();
        while (pos < source.length()) {
            char c = source.charAt(pos++);
            if (c == '"') return new Token(Type.STRING, value.toString(), start + 1);
            if (c != '\\') {
                value.append(c);
                continue;
            }
            int escapeColumn = pos;
            if (pos >= source.length()) break;
            char e = source.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> value.append(e);
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    if (pos + 4 > source.length() || !isHex(source.substring(pos, pos + 4))) {
                        throw new FilterSyntaxException("\\u must be followed by four hex digits", escapeColumn);
                    }
                    value.append((char) Integer.parseInt(source.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> throw new FilterSyntaxException("unknown escape \\" + e
                        + " in a string; use \\\" \\\\ \\n \\t \\r or \\uXXXX", escapeColumn);
            }
        }
        throw new FilterSyntaxException("string starting here is never closed with \"", start + 1);
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) return false;
        }
        return true;
    }

    private static String quoteChar(int cp) {
        // a control, bidi or other invisible character (or a lone surrogate) is named, never echoed
        return Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE
                || Character.getType(cp) == Character.FORMAT || Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                || cp == '\u2028' || cp == '\u2029'
                ? String.format("U+%04X", cp)
                : "'" + Character.toString(cp) + "'";
    }
}
