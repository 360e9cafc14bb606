package io.xspy.query;

import io.xspy.query.Lexer.Token;
import io.xspy.query.Lexer.Type;
import io.xspy.trace.RootCausePattern;
import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoublePredicate;
import java.util.function.Predicate;

/**
 * Parses AWS X-Ray filter expressions (the language of the console and of GetTraceSummaries) into a
 * {@link Filter} evaluated locally on assembled traces.
 *
 * <h2>Syntax</h2>
 * Terms are combined with {@code AND}, {@code OR}, {@code NOT} / {@code !} and parentheses; precedence is
 * NOT &gt; AND &gt; OR. As in X-Ray's own example {@code ok !partial duration <3}, terms written next to each
 * other are joined with AND. Keywords and operators are case-insensitive ({@code responseTime},
 * {@code and}); annotation keys, names and string values are not. Strings are in double quotes with JSON
 * escapes. A term is one of:
 * <ul>
 * <li>a boolean keyword, alone, negated ({@code !fault}) or compared ({@code fault = false}):
 *     {@code ok error throttle fault partial inferred root};</li>
 * <li>a number keyword compared with {@code = != < <= > >=}: {@code responsetime duration http.status};</li>
 * <li>a string keyword compared with {@code = != CONTAINS BEGINSWITH ENDSWITH}, or alone meaning "is set":
 *     {@code http.url http.method http.useragent http.clientip user name type message availabilityzone
 *     instance.id resource.arn};</li>
 * <li>{@code annotation.KEY} or {@code annotation[KEY]} (KEY bare or quoted), alone meaning "is set", or
 *     compared with a string, a number or {@code true}/{@code false} using the operators of that type;</li>
 * <li>{@code service(NAME) { filter }}, {@code service(id(name: "n", type: "t", account.id: "a")) { filter }},
 *     {@code service() { filter }} (any node) and {@code edge(FROM, TO) { filter }}, braces optional;</li>
 * <li>{@code id(name: "n", type: "t")} alone: the trace has a node with that identity.</li>
 * <li>{@code rootcause.KIND.LEVEL { filter }} with KIND {@code fault error responsetime} and LEVEL
 *     {@code service entity exception} (not responsetime.exception), braces optional: see
 *     {@link RootCauseFilter}. Inside the braces: for a service {@code name type inferred}, for an entity
 *     {@code name message remote coverage} (coverage for responsetime only), for an exception
 *     {@code name message}, and everywhere {@code first last index} (index from 0);</li>
 * <li>{@code rootcause.json = #[ JSON ]} (also written {@code json = ...}): root-cause patterns, see
 *     {@link io.xspy.trace.RootCausePattern};</li>
 * <li>{@code group.name} / {@code group.arn} {@code = "..."}: read by {@link #check}, which is all an X-Ray
 *     source needs since X-Ray evaluates them; {@link #parse} refuses them with the reason, because
 *     groups live only in AWS.</li>
 * </ul>
 *
 * <h2>Meaning at the top level (the trace)</h2>
 * <ul>
 * <li>{@code fault error throttle} are {@link Trace#hasFault()}, {@link Trace#hasError()} and
 *     {@link Trace#hasThrottle()}, the flags the trace list shows (any node; a throttle is also an error);
 *     {@code ok} is none of the three. X-Ray's console documents these as the response of the trace; xspy
 *     uses the same flags as its trace list so that a trace shown red always matches {@code fault}.</li>
 * <li>{@code partial} is {@link Trace#isPartial()}; {@code inferred}: some node is an inferred segment or
 *     a remote call (namespace aws or remote) whose callee sent no segment.</li>
 * <li>{@code responsetime} is {@link Trace#responseTime()} (the root segment's duration),
 *     {@code duration} is {@link Trace#duration()}; both in seconds.</li>
 * <li>{@code http.*} read the root segment's http, else the first root's that has one (as
 *     GetTraceSummaries does).</li>
 * <li>{@code user message availabilityzone instance.id resource.arn} and annotations match when any node
 *     of the trace matches; {@code name} and {@code type} when any service-map node's
 *     {@link io.xspy.trace.ServiceId} name or type does.</li>
 * <li>{@code !=} is the negation of {@code =}: {@code user != "alice"} holds when no user is alice,
 *     including when no user is set.</li>
 * </ul>
 *
 * <h2>Meaning inside braces (one node or edge)</h2>
 * {@code service(x) { f }} holds when some segment, inferred segment or remote subsegment that stands for a
 * node matching x (by {@link io.xspy.trace.ServiceId#of(Segment)}) satisfies f. {@code edge(a, b) { f }}
 * holds when some node matching b is called from a node matching a, where the caller of a segment or
 * remote subsegment is its nearest enclosing segment, and f is tested on the callee side. Inside braces
 * {@code fault error throttle ok partial} look at the node and the subsegments it recorded locally (not
 * at other nodes), {@code responsetime} and {@code duration} are the node's duration, {@code http.*},
 * {@code user}, {@code name}, {@code type} are the node's own, {@code inferred} says whether the node is
 * inferred and {@code root} whether it is the trace's root segment. As X-Ray documents,
 * {@code annotation.KEY} cannot be used inside braces, and service()/edge() do not nest.
 */
public final class FilterParser {

    private static final int MAX_DEPTH = 200;

    private final List<Token> tokens;
    private int pos;
    private int depth;
    private boolean inNode;

    /** Reading for X-Ray: accept what only X-Ray can evaluate (groups). */
    private final boolean forXray;

    private FilterParser(String expression, boolean forXray) {
        this.tokens = Lexer.tokens(expression);
        this.forXray = forXray;
    }

    /**
     * Checks the syntax of an expression that X-Ray will evaluate (the AWS source): everything X-Ray
     * documents is accepted, including group.name / group.arn, so a typo is reported
     * with its column before any call is paid for while X-Ray keeps the last word on meaning.
     *
     * @throws FilterSyntaxException with the 1-based column of the problem
     */
    public static void check(String expression) {
        if (expression == null || expression.isBlank()) return;
        FilterParser parser = new FilterParser(expression, true);
        parser.or();
        parser.expectEnd();
    }

    /**
     * Compiles an expression; a blank one gives {@link Filter#ALL}.
     *
     * @throws FilterSyntaxException with the 1-based column of the problem
     */
    public static Filter parse(String expression) {
        if (expression == null || expression.isBlank()) return Filter.ALL;
        FilterParser parser = new FilterParser(expression, false);
        Condition condition = parser.or();
        parser.expectEnd();
        return new Compiled(expression.strip(), condition);
    }

    /** A parsed expression; its text is its string form. */
    private record Compiled(String expression, Condition condition) implements Filter {
        @Override
        public boolean matches(Trace trace) {
            return condition.test(Objects.requireNonNull(trace, "trace"), null);
        }

        @Override
        public String toString() {
            return expression;
        }
    }

    // ---- boolean structure ----

    private Condition or() {
        List<Condition> operands = new ArrayList<>();
        operands.add(and());
        while (peek().isWord("OR")) {
            next();
            operands.add(and());
        }
        return Condition.or(operands);
    }

    private Condition and() {
        List<Condition> operands = new ArrayList<>();
        operands.add(unary());
        while (true) {
            if (peek().isWord("AND")) {
                next();
            } else if (!startsTerm(peek())) {
                break;
            }
            operands.add(unary());
        }
        return Condition.and(operands);
    }

    private static boolean startsTerm(Token t) {
        return t.is(Type.BANG) || t.is(Type.LPAREN) || t.is(Type.WORD) && !t.isWord("OR") && !t.isWord("AND");
    }

    private Condition unary() {
        Token t = peek();
        if (t.is(Type.BANG) || t.isWord("NOT")) {
            next();
            enter(t);
            Condition operand = unary();
            depth--;
            return Condition.not(operand);
        }
        return primary();
    }

    private Condition primary() {
        Token t = peek();
        if (t.is(Type.LPAREN)) {
            next();
            enter(t);
            Condition inner = or();
            expect(Type.RPAREN, "\")\" to close the \"(\" at column " + t.column());
            depth--;
            return inner;
        }
        if (!t.is(Type.WORD)) throw expected("a filter term (a keyword, service(), edge(), annotation.KEY, NOT, ! or ()", t);
        String word = Keywords.normalize(t.text());
        if (word.equals("service")) return service();
        if (word.equals("edge")) return edge();
        if (word.equals("id")) {
            NodeSelector selector = idCall();
            return inNode ? (trace, node) -> selector.matches(node) : new Keywords.ServiceWalking(
                    (trace, s, id, caller, callerId) -> selector.matches(id));
        }
        if (word.equals("annotation") || word.startsWith("annotation.")) return annotation();
        Keywords.Type type = Keywords.TYPES.get(word);
        if (type != null) {
            next();
            return switch (type) {
                case BOOLEAN -> booleanKeyword(t, word);
                case NUMBER -> numberKeyword(t, word);
                case STRING -> stringKeyword(t, word);
            };
        }
        if (word.equals("rootcause") || word.startsWith("rootcause.")) return rootCause();
        if (word.equals("json")) return json(next());
        if (word.equals("group") || word.startsWith("group.")) return group();
        if (Keywords.ROOT_CAUSE_ONLY.contains(word)) {
            String example = switch (word) {
                case "coverage" -> "rootcause.responsetime.entity { coverage > 0.5 }";
                case "index" -> "rootcause.fault.entity { index > 0 }";
                default -> "rootcause.fault.entity { " + word + " }";
            };
            throw new FilterSyntaxException("\"" + t.text() + "\" only applies inside rootcause.* braces, for example "
                    + example, t.column());
        }
        if (isOperatorWord(t) || t.isWord("AND") || t.isWord("OR") || word.equals("true") || word.equals("false")) {
            throw expected("a filter term (a keyword, service(), edge(), annotation.KEY, NOT, ! or ()", t);
        }
        throw new FilterSyntaxException("unknown keyword \"" + t.text() + "\"; expected one of "
                + String.join(", ", new java.util.TreeSet<>(Keywords.TYPES.keySet()))
                + ", annotation.KEY, service(), edge() or id()", t.column());
    }

    private void enter(Token t) {
        if (++depth > MAX_DEPTH) {
            throw new FilterSyntaxException("expression nests deeper than " + MAX_DEPTH + " levels", t.column());
        }
    }

    // ---- simple keywords ----

    private Condition booleanKeyword(Token keyword, String word) {
        Condition condition = Keywords.bool(word, inNode);
        if (condition == null) {
            throw new FilterSyntaxException("\"" + keyword.text()
                    + "\" applies to a node: use it inside service() { } or edge() { }", keyword.column());
        }
        return booleanComparison(keyword) ? condition : Condition.not(condition);
    }

    /** Nothing, or = / != and true or false, after a boolean keyword: whether the keyword must hold (or must not). */
    private boolean booleanComparison(Token keyword) {
        Token op = peek();
        if (!op.is(Type.OPERATOR)) return true;
        if (!op.text().equals("=") && !op.text().equals("!=")) {
            throw new FilterSyntaxException("\"" + keyword.text() + "\" is a boolean keyword: compare it with = or !=, not "
                    + op.describe(), op.column());
        }
        next();
        return booleanValue(op) == op.text().equals("=");
    }

    /** The test an operator and value put on one value of a keyword; != is = negated over all the values. */
    private record Comparison<P>(P test, boolean negated) {}

    private boolean booleanValue(Token op) {
        Token v = next();
        String text = v.is(Type.WORD) || v.is(Type.STRING) ? Keywords.normalize(v.text()) : "";
        if (text.equals("true")) return true;
        if (text.equals("false")) return false;
        throw expected("true or false after " + op.describe(), v);
    }

    private Condition numberKeyword(Token keyword, String word) {
        Comparison<DoublePredicate> c = numberComparison(keyword);
        Condition condition = Keywords.number(word, inNode, c.test());
        return c.negated() ? Condition.not(condition) : condition;
    }

    private Comparison<DoublePredicate> numberComparison(Token keyword) {
        Token op = peek();
        if (!op.is(Type.OPERATOR)) {
            throw expected("a comparison operator after \"" + keyword.text() + "\"", op);
        }
        next();
        double value = numberValue(op);
        return op.text().equals("!=") ? new Comparison<>(compare("=", value), true)
                : new Comparison<>(compare(op.text(), value), false);
    }

    private double numberValue(Token op) {
        Token v = next();
        if (!v.is(Type.NUMBER)) throw expected("a number after " + op.describe(), v);
        return Double.parseDouble(v.text());
    }

    private static DoublePredicate compare(String op, double value) {
        return switch (op) {
            case "=" -> x -> x == value;
            case "<" -> x -> x < value;
            case "<=" -> x -> x <= value;
            case ">" -> x -> x > value;
            case ">=" -> x -> x >= value;
            default -> throw new IllegalStateException(op);
        };
    }

    private Condition stringKeyword(Token keyword, String word) {
        Comparison<Predicate<String>> c = stringComparison(keyword);
        Condition condition = Keywords.string(word, inNode, c.test());
        return c.negated() ? Condition.not(condition) : condition;
    }

    private Comparison<Predicate<String>> stringComparison(Token keyword) {
        Token op = peek();
        if (op.is(Type.OPERATOR) && !op.text().equals("=") && !op.text().equals("!=")) {
            throw new FilterSyntaxException("\"" + keyword.text()
                    + "\" is a string keyword: compare it with =, !=, CONTAINS, BEGINSWITH or ENDSWITH, not "
                    + op.describe(), op.column());
        }
        if (!op.is(Type.OPERATOR) && !isOperatorWord(op)) return new Comparison<>(v -> true, false); // alone: it is set
        next();
        String value = stringValue(op);
        return op.text().equals("!=") ? new Comparison<>(value::equals, true)
                : new Comparison<>(stringTest(op, value), false);
    }

    private String stringValue(Token op) {
        Token v = next();
        if (v.is(Type.STRING)) return v.text();
        String hint = v.is(Type.WORD) ? " (values must be in double quotes)" : "";
        throw new FilterSyntaxException("expected a string in double quotes after " + op.describe() + " but found "
                + v.describe() + hint, v.column());
    }

    private static Predicate<String> stringTest(Token op, String value) {
        return switch (Keywords.normalize(op.text())) {
            case "=" -> value::equals;
            case "contains" -> v -> v.contains(value);
            case "beginswith" -> v -> v.startsWith(value);
            case "endswith" -> v -> v.endsWith(value);
            default -> throw new IllegalStateException(op.text());
        };
    }

    private static boolean isOperatorWord(Token t) {
        return t.isWord("CONTAINS") || t.isWord("BEGINSWITH") || t.isWord("ENDSWITH");
    }

    // ---- annotations ----

    private Condition annotation() {
        Token start = next();
        String key;
        if (start.text().length() > "annotation".length()) {
            key = start.text().substring("annotation.".length());
            if (key.isEmpty()) {
                throw new FilterSyntaxException("expected an annotation key after \"annotation.\"",
                        start.column() + "annotation.".length());
            }
        } else {
            Token open = next();
            if (!open.is(Type.LBRACKET)) throw expected("annotation.KEY or annotation[KEY]: \".\" or \"[\" after \"annotation\"", open);
            Token k = next();
            if (!k.is(Type.WORD) && !k.is(Type.STRING) && !k.is(Type.NUMBER)) {
                throw expected("an annotation key after \"[\"", k);
            }
            key = k.text();
            expect(Type.RBRACKET, "\"]\" to close the \"[\" at column " + open.column());
        }
        if (inNode) {
            throw new FilterSyntaxException("annotation." + key
                    + " cannot be used inside service() or edge() braces (X-Ray does not allow it)", start.column());
        }
        Token op = peek();
        if (!op.is(Type.OPERATOR) && !isOperatorWord(op)) return Keywords.annotation(key, v -> true);
        next();
        String opText = Keywords.normalize(op.text());
        if (opText.equals("!=")) return Condition.not(Keywords.annotation(key, annotationEquals(op)));
        if (opText.equals("=")) return Keywords.annotation(key, annotationEquals(op));
        if (isOperatorWord(op)) {
            Predicate<String> test = stringTest(op, stringValue(op));
            return Keywords.annotation(key, v -> v instanceof String s && test.test(s));
        }
        DoublePredicate test = compare(opText, numberValue(op));
        return Keywords.annotation(key, v -> v instanceof Number n && test.test(n.doubleValue()));
    }

    /** {@code = value} where the value's type (string, number, true/false) picks which annotations can match. */
    private Predicate<Object> annotationEquals(Token op) {
        Token v = next();
        if (v.is(Type.STRING)) {
            String s = v.text();
            return a -> a instanceof String text && text.equals(s);
        }
        if (v.is(Type.NUMBER)) {
            double d = Double.parseDouble(v.text());
            return a -> a instanceof Number n && n.doubleValue() == d;
        }
        if (v.isWord("true") || v.isWord("false")) {
            boolean b = v.isWord("true");
            return a -> a instanceof Boolean flag && flag == b;
        }
        throw expected("a string in double quotes, a number, true or false after " + op.describe(), v);
    }

    // ---- service(), edge(), id() ----

    private Condition service() {
        Token keyword = next();
        noNesting(keyword);
        Token open = expect(Type.LPAREN, "\"(\" after \"" + keyword.text() + "\"");
        NodeSelector selector = NodeSelector.ANY;
        if (!peek().is(Type.RPAREN)) selector = selector(open);
        expect(Type.RPAREN, "\")\" to close \"" + keyword.text() + "(\"");
        Condition inside = braces();
        NodeSelector target = selector;
        return new Keywords.ServiceWalking((trace, s, id, caller, callerId) -> target.matches(id)
                && (inside == null || inside.test(trace, s)));
    }

    private Condition edge() {
        Token keyword = next();
        noNesting(keyword);
        Token open = expect(Type.LPAREN, "\"(\" after \"" + keyword.text() + "\"");
        NodeSelector from = selector(open);
        Token comma = expect(Type.COMMA, "\",\" and the second service of the edge");
        NodeSelector to = selector(comma);
        expect(Type.RPAREN, "\")\" to close \"" + keyword.text() + "(\"");
        Condition inside = braces();
        return new Keywords.ServiceWalking((trace, s, id, caller, callerId) -> caller != null
                && to.matches(id) && from.matches(callerId) && (inside == null || inside.test(trace, s)));
    }

    private void noNesting(Token keyword) {
        if (inNode) {
            throw new FilterSyntaxException(keyword.text()
                    + "() cannot be used inside service() or edge() braces", keyword.column());
        }
    }

    /** The optional { filter } after service() or edge(); null when absent. */
    private Condition braces() {
        Token open = peek();
        if (!open.is(Type.LBRACE)) return null;
        next();
        if (peek().is(Type.RBRACE)) throw expected("a filter expression inside { }", peek());
        enter(open);
        inNode = true;
        Condition inside = or();
        expect(Type.RBRACE, "\"}\" to close the \"{\" at column " + open.column());
        inNode = false;
        depth--;
        return inside;
    }

    private NodeSelector selector(Token after) {
        Token t = peek();
        if (t.is(Type.STRING)) {
            next();
            return new NodeSelector(t.text(), null, null);
        }
        if (t.isWord("id")) return idCall();
        throw expected("a service name in double quotes or id(...) after " + after.describe(), t);
    }

    /** id(name: "n", type: "t", account.id: "a"), each field optional but at least one. */
    private NodeSelector idCall() {
        Token keyword = next();
        expect(Type.LPAREN, "\"(\" after \"id\"");
        String name = null, type = null, account = null;
        do {
            Token field = next();
            String f = field.is(Type.WORD) ? Keywords.normalize(field.text()) : "";
            if (!f.equals("name") && !f.equals("type") && !f.equals("account.id")) {
                throw expected("name:, type: or account.id: in id()", field);
            }
            expect(Type.COLON, "\":\" after \"" + field.text() + "\"");
            Token value = next();
            if (!value.is(Type.STRING)) throw expected("a string in double quotes after \"" + field.text() + ":\"", value);
            if (f.equals("name") && name != null || f.equals("type") && type != null
                    || f.equals("account.id") && account != null) {
                throw new FilterSyntaxException("\"" + field.text() + "\" is given twice in id()", field.column());
            }
            switch (f) {
                case "name" -> name = value.text();
                case "type" -> type = value.text();
                default -> account = value.text();
            }
        } while (peek().is(Type.COMMA) && next() != null);
        expect(Type.RPAREN, "\",\" or \")\" to close \"id(\" at column " + keyword.column());
        return new NodeSelector(name, type, account);
    }

    // ---- rootcause.*, group.*, json ----

    private Condition rootCause() {
        Token start = next();
        String word = Keywords.normalize(start.text());
        if (inNode) {
            throw new FilterSyntaxException(start.text() + " cannot be used inside service() or edge() braces", start.column());
        }
        if (word.equals("rootcause.json")) return json(start);
        String[] parts = word.split("\\.", -1);
        String usage = "rootcause.fault, rootcause.error or rootcause.responsetime, then .service, .entity or"
                + " .exception (for example rootcause.fault.service { name = \"db\" }), or rootcause.json";
        if (parts.length != 3) throw new FilterSyntaxException("expected " + usage + " but found " + start.describe(), start.column());
        int kindColumn = start.column() + "rootcause.".length();
        RootCauseFilter.Kind kind = switch (parts[1]) {
            case "fault" -> RootCauseFilter.Kind.FAULT;
            case "error" -> RootCauseFilter.Kind.ERROR;
            case "responsetime" -> RootCauseFilter.Kind.RESPONSETIME;
            default -> throw new FilterSyntaxException("expected fault, error or responsetime after \"rootcause.\" but found \""
                    + parts[1] + "\"", kindColumn);
        };
        int levelColumn = kindColumn + parts[1].length() + 1;
        RootCauseFilter.Level level = switch (parts[2]) {
            case "service" -> RootCauseFilter.Level.SERVICE;
            case "entity" -> RootCauseFilter.Level.ENTITY;
            case "exception" -> RootCauseFilter.Level.EXCEPTION;
            default -> throw new FilterSyntaxException("expected service, entity or exception after \"rootcause."
                    + parts[1] + ".\" but found \"" + parts[2] + "\"", levelColumn);
        };
        if (kind == RootCauseFilter.Kind.RESPONSETIME && level == RootCauseFilter.Level.EXCEPTION) {
            throw new FilterSyntaxException("response-time root causes list no exceptions: use rootcause.fault.exception"
                    + " or rootcause.error.exception", levelColumn);
        }
        Predicate<RootCauseFilter.Element> inside = e -> true;
        Token open = peek();
        if (open.is(Type.LBRACE)) {
            next();
            if (peek().is(Type.RBRACE)) throw expected("a filter expression inside { }", peek());
            enter(open);
            inside = rcOr(start.text(), kind, level);
            expect(Type.RBRACE, "\"}\" to close the \"{\" at column " + open.column());
            depth--;
        }
        return RootCauseFilter.condition(kind, level, inside);
    }

    private Predicate<RootCauseFilter.Element> rcOr(String where, RootCauseFilter.Kind kind, RootCauseFilter.Level level) {
        Predicate<RootCauseFilter.Element> result = rcAnd(where, kind, level);
        while (peek().isWord("OR")) {
            next();
            result = result.or(rcAnd(where, kind, level));
        }
        return result;
    }

    private Predicate<RootCauseFilter.Element> rcAnd(String where, RootCauseFilter.Kind kind, RootCauseFilter.Level level) {
        Predicate<RootCauseFilter.Element> result = rcUnary(where, kind, level);
        while (true) {
            if (peek().isWord("AND")) next();
            else if (!startsTerm(peek())) break;
            result = result.and(rcUnary(where, kind, level));
        }
        return result;
    }

    private Predicate<RootCauseFilter.Element> rcUnary(String where, RootCauseFilter.Kind kind, RootCauseFilter.Level level) {
        Token t = peek();
        if (t.is(Type.BANG) || t.isWord("NOT")) {
            next();
            enter(t);
            Predicate<RootCauseFilter.Element> operand = rcUnary(where, kind, level).negate();
            depth--;
            return operand;
        }
        if (t.is(Type.LPAREN)) {
            next();
            enter(t);
            Predicate<RootCauseFilter.Element> inner = rcOr(where, kind, level);
            expect(Type.RPAREN, "\")\" to close the \"(\" at column " + t.column());
            depth--;
            return inner;
        }
        return rcTerm(where, kind, level);
    }

    private Predicate<RootCauseFilter.Element> rcTerm(String where, RootCauseFilter.Kind kind, RootCauseFilter.Level level) {
        Token t = peek();
        if (!t.is(Type.WORD)) throw expected("a keyword of " + where + " { }", t);
        String word = Keywords.normalize(t.text());
        Keywords.Type type = RootCauseFilter.KEYWORDS.get(level).get(word);
        if (type == null) {
            throw new FilterSyntaxException("\"" + t.text() + "\" cannot be used inside " + where + " { }; use "
                    + String.join(", ", new java.util.TreeSet<>(RootCauseFilter.KEYWORDS.get(level).keySet())), t.column());
        }
        if (RootCauseFilter.RESPONSETIME_ONLY.contains(word) && kind != RootCauseFilter.Kind.RESPONSETIME) {
            throw new FilterSyntaxException("\"" + t.text() + "\" applies only to response-time root causes:"
                    + " rootcause.responsetime.entity { " + word + " > 0.5 }", t.column());
        }
        next();
        switch (type) {
            case BOOLEAN -> {
                Predicate<RootCauseFilter.Element> test = RootCauseFilter.bool(word);
                return booleanComparison(t) ? test : test.negate();
            }
            case NUMBER -> {
                Comparison<DoublePredicate> c = numberComparison(t);
                Predicate<RootCauseFilter.Element> test = RootCauseFilter.number(word, c.test());
                return c.negated() ? test.negate() : test;
            }
            default -> {
                Comparison<Predicate<String>> c = stringComparison(t);
                Predicate<RootCauseFilter.Element> test = RootCauseFilter.string(level, word, c.test());
                return c.negated() ? test.negate() : test;
            }
        }
    }

    /** The = or != after a trace-level keyword (group.*, json), which has no place inside node braces. */
    private Token equalityAfter(Token start) {
        if (inNode) {
            throw new FilterSyntaxException(start.text() + " cannot be used inside service() or edge() braces", start.column());
        }
        Token op = peek();
        if (!op.is(Type.OPERATOR) || !op.text().equals("=") && !op.text().equals("!=")) {
            throw expected("= or != after \"" + start.text() + "\"", op);
        }
        return next();
    }

    /** group.name / group.arn = "...": only X-Ray knows a group's expression. */
    private Condition group() {
        Token start = next();
        String word = Keywords.normalize(start.text());
        if (!word.equals("group.name") && !word.equals("group.arn")) {
            throw new FilterSyntaxException("expected group.name or group.arn but found " + start.describe(), start.column());
        }
        Token op = equalityAfter(start);
        stringValue(op);
        if (!forXray) {
            throw new FilterSyntaxException(start.text() + ": groups exist only in AWS X-Ray, which keeps each group's"
                    + " filter expression; this source has no groups, so write the group's own expression instead",
                    start.column());
        }
        return (trace, node) -> false; // X-Ray evaluates it; check() never runs a filter
    }

    /** rootcause.json = #[ ... ] (or json = ...): a JSON pattern of root causes that X-Ray matches. */
    private Condition json(Token start) {
        Token op = equalityAfter(start);
        Token value = next();
        if (!value.is(Type.JSON)) throw expected("a JSON value written #[ ... ] or #{ ... } after " + op.describe(), value);
        RootCausePattern pattern;
        try {
            pattern = RootCausePattern.parse(value.text());
        } catch (RootCausePattern.Invalid e) {
            throw new FilterSyntaxException("the JSON value after \"#\": " + e.getMessage(),
                    value.column() + 1 + Math.max(-1, e.offset()));
        }
        Condition condition = RootCauseJsonFilter.condition(pattern);
        return op.text().equals("!=") ? Condition.not(condition) : condition;
    }

    // ---- tokens ----

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (!t.is(Type.END)) pos++;
        return t;
    }

    private Token expect(Type type, String what) {
        Token t = peek();
        if (!t.is(type)) throw expected(what, t);
        return next();
    }

    private void expectEnd() {
        Token t = peek();
        if (t.is(Type.END)) return;
        if (t.is(Type.RPAREN)) throw new FilterSyntaxException("unbalanced \")\": no \"(\" is open", t.column());
        if (t.is(Type.RBRACE)) throw new FilterSyntaxException("unbalanced \"}\": no \"{\" is open", t.column());
        throw expected("AND, OR or the end of the expression", t);
    }

    private static FilterSyntaxException expected(String what, Token found) {
        return new FilterSyntaxException("expected " + what + " but found " + found.describe(), found.column());
    }
}
