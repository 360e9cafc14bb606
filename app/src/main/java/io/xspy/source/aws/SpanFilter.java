package io.xspy.source.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An X-Ray filter expression read for a Logs Insights query over aws/spans. Only a top-level
 * conjunction (parts joined by AND or &&) is split; each part that is one of these becomes part of
 * the query, exactly:
 * <ul>
 * <li>{@code service("x")}, {@code service(id(name: "x" ...))}: a span of service x (its
 *     aws.local.service, resource service.name or aws.remote.service);</li>
 * <li>{@code fault}, {@code error}, {@code throttle}: a span with status ERROR or HTTP 5xx; 4xx; 429;</li>
 * <li>{@code annotation.K OP V} (OP one of = != < <= > >=): a span with attribute K;</li>
 * <li>{@code responsetime OP N}, {@code http.status OP N}: the root span's duration, HTTP status.</li>
 * </ul>
 * "A span of the trace has P" parts each select a set of trace ids (their intersection is the AND);
 * root parts filter the listing of root spans. Every other part ({@code OR}, {@code NOT}, {@code
 * duration}, {@code edge()}, {@code CONTAINS}, groups, ...) is {@link #untranslated()}: xspy checks
 * the whole expression itself on each trace it opens.
 */
final class SpanFilter {

    /** A span whose OTel status is an error, in either spelling the OTLP JSON mapping allows. */
    static final String STATUS_ERROR = "(status.code = \"ERROR\" or status.code = \"STATUS_CODE_ERROR\")";
    private static final String NUMBER = "(-?\\d+(?:\\.\\d+)?)";
    private static final String OP = "(=|!=|<=|>=|<|>)";
    private static final Pattern SERVICE = Pattern.compile(
            "(?i)service\\s*\\(\\s*(?:id\\s*\\(\\s*name\\s*:\\s*)?\"((?:[^\"\\\\]|\\\\.)*)\"(?:\\s*,\\s*type\\s*:\\s*\"[^\"]*\")?\\s*\\)?\\s*\\)");
    private static final Pattern ANNOTATION = Pattern.compile(
            "(?i)annotation\\.([A-Za-z0-9_]+)\\s*" + OP + "\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|" + NUMBER + ")");
    private static final Pattern RESPONSE_TIME = Pattern.compile("(?i)responsetime\\s*" + OP + "\\s*" + NUMBER);
    private static final Pattern HTTP_STATUS = Pattern.compile("(?i)http\\.status\\s*" + OP + "\\s*" + NUMBER);

    private final List<String> spanPredicates = new ArrayList<>();
    private final List<String> rootPredicates = new ArrayList<>();
    private final List<String> untranslated = new ArrayList<>();

    private SpanFilter() {}

    /** Reads an expression (null or blank: no filter); its syntax was checked before. */
    static SpanFilter of(String expression) {
        SpanFilter f = new SpanFilter();
        if (expression == null || expression.isBlank()) return f;
        for (String part : conjuncts(expression.strip())) f.translate(part.strip());
        return f;
    }

    /** Predicates each selecting the traces that have a matching span (AND: all of them). */
    List<String> spanPredicates() {
        return List.copyOf(spanPredicates);
    }

    /** Predicates on the root span, for the listing query. */
    List<String> rootPredicates() {
        return List.copyOf(rootPredicates);
    }

    /** The parts of the expression the query does not carry, as the user wrote them. */
    List<String> untranslated() {
        return List.copyOf(untranslated);
    }

    /** Whether the query alone selects exactly the traces the expression selects. */
    boolean exact() {
        return untranslated.isEmpty();
    }

    private void translate(String part) {
        Matcher m;
        if ((m = SERVICE.matcher(part)).matches()) {
            String name = quote(unescape(m.group(1)));
            spanPredicates.add("attributes.aws.local.service = " + name + " or resource.attributes.service.name = "
                    + name + " or attributes.aws.remote.service = " + name);
        } else if (part.equalsIgnoreCase("fault")) {
            spanPredicates.add(STATUS_ERROR + " or attributes.http.response.status_code >= 500");
        } else if (part.equalsIgnoreCase("error")) {
            spanPredicates.add("attributes.http.response.status_code >= 400 and attributes.http.response.status_code < 500");
        } else if (part.equalsIgnoreCase("throttle")) {
            spanPredicates.add("attributes.http.response.status_code = 429");
        } else if ((m = ANNOTATION.matcher(part)).matches()) {
            String value = m.group(4) != null ? quote(unescape(m.group(4))) : m.group(5);
            spanPredicates.add("attributes." + m.group(1) + " " + m.group(2) + " " + value);
        } else if ((m = RESPONSE_TIME.matcher(part)).matches()) {
            long nanos = Math.round(Double.parseDouble(m.group(2)) * 1e9);
            rootPredicates.add("durationNano " + m.group(1) + " " + nanos);
        } else if ((m = HTTP_STATUS.matcher(part)).matches()) {
            rootPredicates.add("attributes.http.response.status_code " + m.group(1) + " " + m.group(2));
        } else {
            untranslated.add(part);
        }
    }

    /**
     * The parts of a top-level AND; the whole expression as one part when it has a top-level OR or
     * NOT, or a parenthesis around everything.
     */
    static List<String> conjuncts(String expression) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        boolean quoted = false;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quoted) {
                if (c == '\\') i++;
                else if (c == '"') quoted = false;
                continue;
            }
            if (c == '"') quoted = true;
            else if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') depth--;
            else if (depth == 0) {
                if (word(expression, i, "OR") || expression.startsWith("||", i)) return List.of(expression);
                int skip = word(expression, i, "AND") ? 3 : expression.startsWith("&&", i) ? 2 : 0;
                if (skip > 0) {
                    parts.add(expression.substring(from, i));
                    from = i + skip;
                    i += skip - 1;
                }
            }
        }
        parts.add(expression.substring(from));
        return parts;
    }

    private static boolean word(String s, int at, String w) {
        if (!s.regionMatches(true, at, w, 0, w.length())) return false;
        boolean before = at == 0 || !Character.isLetterOrDigit(s.charAt(at - 1)) && s.charAt(at - 1) != '.';
        int end = at + w.length();
        boolean after = end == s.length() || !Character.isLetterOrDigit(s.charAt(end)) && s.charAt(end) != '.';
        return before && after;
    }

    private static String unescape(String s) {
        return s.replaceAll("\\\\(.)", "$1");
    }

    static boolean isStatusError(String code) {
        return "ERROR".equals(code) || "STATUS_CODE_ERROR".equals(code);
    }

    /** A Logs Insights string literal. */
    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
