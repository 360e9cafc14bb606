package io.xspy.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what is wrong with a piece of JSON in the words of someone who wrote it, not in Jackson's:
 * "unexpected character 'x'", "NaN is not a valid number", "nesting deeper than 1000 levels". The
 * column is added when known; the line is the caller's (it knows the file).
 */
public final class JsonProblem {
    private JsonProblem() {}

    private static final Pattern UNEXPECTED_CHAR = Pattern.compile("^Unexpected character \\('(.+?)' \\(code (\\d+)\\)\\)");
    private static final Pattern CTRL_CHAR = Pattern.compile("\\(CTRL-CHAR, code (\\d+)\\)");
    private static final Pattern TOKEN = Pattern.compile("^Unrecognized token '(.*?)'");
    private static final Pattern NON_NUMERIC = Pattern.compile("^Non-standard token '(.+?)'");
    private static final Pattern NESTING = Pattern.compile("nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");
    private static final Pattern LENGTH = Pattern.compile("^(String|Number|Name) value length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");
    private static final Pattern CLOSE = Pattern.compile("^Unexpected close marker '(.)': expected '(.)'");
    private static final Pattern ESCAPE = Pattern.compile("^Unrecognized character escape '(.+?)'");

    /** The problem and, when Jackson knows it, "at column N". */
    public static String describe(JsonProcessingException e) {
        String what = what(e);
        if (e.getLocation() == null || e.getLocation().getColumnNr() <= 0) return what;
        int column = e.getLocation().getColumnNr();
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Matcher word = NON_NUMERIC.matcher(m);
        if (!word.find()) word = TOKEN.matcher(m);
        if (word.find(0) && column > word.group(1).length()) column -= word.group(1).length(); // Jackson points past the word
        return what + " at column " + column;
    }

    /** The problem alone. */
    static String what(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) return "not valid JSON";
        int nl = m.indexOf('\n');
        String first = nl >= 0 ? m.substring(0, nl) : m;
        Matcher x;
        if ((x = NON_NUMERIC.matcher(first)).find()) return x.group(1) + " is not a valid number";
        if ((x = NESTING.matcher(first)).find()) return "nesting deeper than " + x.group(2) + " levels";
        if ((x = LENGTH.matcher(first)).find()) {
            return "a " + x.group(1).toLowerCase(java.util.Locale.ROOT).replace("name", "field name")
                    + " longer than " + x.group(3) + " characters";
        }
        if (first.startsWith("Illegal character") && (x = CTRL_CHAR.matcher(first)).find()) {
            return x.group(1).equals("0") ? "binary data (a NUL byte), not JSON text"
                    : "control character " + x.group(1) + " between values";
        }
        if (first.startsWith("Illegal unquoted character") && (x = CTRL_CHAR.matcher(first)).find()) {
            return "control character " + x.group(1) + " inside a string (it must be escaped)";
        }
        if ((x = UNEXPECTED_CHAR.matcher(first)).find()) {
            String c = Integer.parseInt(x.group(2)) < 0x20 ? "control character " + x.group(2) : "character '" + x.group(1) + "'";
            String expecting = first.contains("was expecting comma") ? " (a comma or a closing bracket was expected)"
                    : first.contains("double-quote to start field name") ? " (a field name in double quotes was expected)"
                    : first.contains("colon to separate") ? " (a colon after the field name was expected)" : "";
            return "unexpected " + c + expecting;
        }
        if ((x = TOKEN.matcher(first)).find()) {
            return x.group(1).isEmpty() ? "unexpected text" : "unexpected text '" + x.group(1) + "'";
        }
        if ((x = CLOSE.matcher(first)).find()) return "unexpected '" + x.group(1) + "' where '" + x.group(2) + "' closes";
        if ((x = ESCAPE.matcher(first)).find()) return "invalid escape \\" + x.group(1) + " in a string";
        if (first.startsWith("Unexpected end-of-input")) {
            return first.contains("in field name") || first.contains("String value") ? "ends inside a string"
                    : "ends before the JSON value is complete";
        }
        if (first.startsWith("Invalid numeric value") || first.startsWith("Numeric value")) return "not a valid number";
        if (first.startsWith("Invalid UTF-8")) return "invalid UTF-8 bytes";
        if (first.equals("trailing content after the JSON value")) return "more after the end of the JSON value";
        if (first.equals("no JSON value")) return "no JSON value";
        // anything else: Jackson's first sentence, without its references to its own API
        return first.replaceAll("\\s*\\([^)]*`[^`]*`[^)]*\\)", "").replaceAll("`[^`]*`", "").replaceAll(":?\\s*$", "")
                .replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.ROOT);
    }
}
