package io.xspy.query;

import io.xspy.trace.Cause;
import io.xspy.trace.HttpInfo;
import io.xspy.trace.Segment;
import io.xspy.trace.ServiceId;
import io.xspy.trace.Status;
import io.xspy.trace.Trace;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The simple keywords of the X-Ray filter language and what each means for a whole trace (top level)
 * and for one node (inside {@code service() { }} / {@code edge() { }} braces). See {@link FilterParser}
 * for the definitions.
 */
public final class Keywords {

    private Keywords() {}

    enum Type { BOOLEAN, NUMBER, STRING }

    // ---- the vocabulary, for completion (xspy shell); the parser below reads the same words ----

    /** The comparison operators each type of keyword takes. */
    private static final Map<Type, java.util.List<String>> OPERATORS = Map.of(
            Type.BOOLEAN, java.util.List.of("=", "!="),
            Type.NUMBER, java.util.List.of("=", "!=", "<", "<=", ">", ">="),
            Type.STRING, java.util.List.of("=", "!=", "CONTAINS", "BEGINSWITH", "ENDSWITH"));

    /** The connectives between terms. */
    public static final java.util.List<String> CONNECTIVES = java.util.List.of("AND", "OR", "NOT");

    /** Each keyword (responsetime, http.status, fault, …) with the operators it takes, sorted by keyword. */
    public static java.util.SortedMap<String, java.util.List<String>> operatorsByKeyword() {
        java.util.SortedMap<String, java.util.List<String>> out = new java.util.TreeMap<>();
        TYPES.forEach((keyword, type) -> out.put(keyword, OPERATORS.get(type)));
        return out;
    }

    /** The terms that open with a call or a prefix, as typed: service(, edge(, id(, annotation., rootcause.… */
    public static java.util.List<String> openings() {
        java.util.List<String> out = new java.util.ArrayList<>(java.util.List.of("service(", "edge(", "id(", "annotation."));
        for (RootCauseFilter.Kind kind : RootCauseFilter.Kind.values()) {
            for (RootCauseFilter.Level level : RootCauseFilter.Level.values()) {
                if (kind == RootCauseFilter.Kind.RESPONSETIME && level == RootCauseFilter.Level.EXCEPTION) continue;
                out.add("rootcause." + normalize(kind.name()) + "." + normalize(level.name()));
            }
        }
        out.add("rootcause.json");
        return out;
    }

    static final Map<String, Type> TYPES = Map.ofEntries(
            Map.entry("ok", Type.BOOLEAN), Map.entry("error", Type.BOOLEAN), Map.entry("throttle", Type.BOOLEAN),
            Map.entry("fault", Type.BOOLEAN), Map.entry("partial", Type.BOOLEAN),
            Map.entry("inferred", Type.BOOLEAN), Map.entry("root", Type.BOOLEAN),
            Map.entry("responsetime", Type.NUMBER), Map.entry("duration", Type.NUMBER),
            Map.entry("http.status", Type.NUMBER),
            Map.entry("http.url", Type.STRING), Map.entry("http.method", Type.STRING),
            Map.entry("http.useragent", Type.STRING), Map.entry("http.clientip", Type.STRING),
            Map.entry("user", Type.STRING), Map.entry("name", Type.STRING), Map.entry("type", Type.STRING),
            Map.entry("message", Type.STRING), Map.entry("availabilityzone", Type.STRING),
            Map.entry("instance.id", Type.STRING), Map.entry("resource.arn", Type.STRING));

    /** Keywords X-Ray defines only for elements of rootcause.* lists. */
    static final Set<String> ROOT_CAUSE_ONLY = Set.of("first", "last", "remote", "index", "coverage");

    // ---- boolean keywords ----

    /** The condition of a boolean keyword, or null if it means nothing at this level. */
    static Condition bool(String keyword, boolean inNode) {
        return inNode ? nodeBool(keyword) : traceBool(keyword);
    }

    private static Condition traceBool(String keyword) {
        return switch (keyword) {
            case "ok" -> (t, n) -> !t.hasFault() && !t.hasError() && !t.hasThrottle();
            case "error" -> (t, n) -> t.hasError();
            case "throttle" -> (t, n) -> t.hasThrottle();
            case "fault" -> (t, n) -> t.hasFault();
            case "partial" -> (t, n) -> t.isPartial();
            case "inferred" -> new Walking((t, s, caller) -> TraceWalk.isInferred(s));
            default -> null;
        };
    }

    private static Condition nodeBool(String keyword) {
        return switch (keyword) {
            case "ok" -> (t, n) -> nodeStatus(n) == Status.OK;
            // a trace without any fault (error, ...) has no node with one: its flags answer without a walk
            case "error" -> (t, n) -> t.hasError() && TraceWalk.anyLocal(n, TraceWalk.ERROR);
            case "throttle" -> (t, n) -> t.hasThrottle() && TraceWalk.anyLocal(n, TraceWalk.THROTTLE);
            case "fault" -> (t, n) -> t.hasFault() && TraceWalk.anyLocal(n, TraceWalk.FAULT);
            case "partial" -> (t, n) -> t.inProgress() && TraceWalk.anyLocal(n, TraceWalk.IN_PROGRESS);
            case "inferred" -> (t, n) -> TraceWalk.isInferred(n);
            case "root" -> (t, n) -> t.isRoot(n);
            default -> null;
        };
    }

    /** The worst status of the node and the subsegments it recorded locally. */
    static Status nodeStatus(Segment node) {
        if (TraceWalk.anyLocal(node, TraceWalk.FAULT)) return Status.FAULT;
        if (TraceWalk.anyLocal(node, TraceWalk.THROTTLE)) return Status.THROTTLE;
        if (TraceWalk.anyLocal(node, TraceWalk.ERROR)) return Status.ERROR;
        return Status.OK;
    }

    // ---- number keywords ----

    static Condition number(String keyword, boolean inNode, DoublePredicate test) {
        if (inNode) {
            return switch (keyword) {
                case "responsetime", "duration" -> (t, n) -> test.test(n.duration());
                case "http.status" -> (t, n) -> n.http().status() != null && test.test(n.http().status());
                default -> throw new IllegalStateException(keyword);
            };
        }
        return switch (keyword) {
            case "responsetime" -> (t, n) -> test.test(t.responseTime());
            case "duration" -> (t, n) -> test.test(t.duration());
            case "http.status" -> (t, n) -> {
                Integer status = traceHttp(t).status();
                return status != null && test.test(status);
            };
            default -> throw new IllegalStateException(keyword);
        };
    }

    // ---- string keywords ----

    static Condition string(String keyword, boolean inNode, Predicate<String> test) {
        Function<HttpInfo, String> http = switch (keyword) {
            case "http.url" -> HttpInfo::url;
            case "http.method" -> HttpInfo::method;
            case "http.useragent" -> HttpInfo::userAgent;
            case "http.clientip" -> HttpInfo::clientIp;
            default -> null;
        };
        if (http != null) {
            return inNode
                    ? (t, n) -> matches(http.apply(n.http()), test)
                    : (t, n) -> matches(http.apply(traceHttp(t)), test);
        }
        if (keyword.equals("name") || keyword.equals("type")) {
            Function<ServiceId, String> field = keyword.equals("name") ? ServiceId::name : ServiceId::type;
            if (inNode) return (t, n) -> matches(field.apply(ServiceId.of(n)), test);
            return new Walking((t, s, caller) -> TraceWalk.isServiceNode(s) && matches(field.apply(ServiceId.of(s)), test));
        }
        if (keyword.equals("message")) {
            Predicate<Segment> hasMessage = s -> anyMessage(s.cause(), test);
            if (inNode) return (t, n) -> TraceWalk.anyLocal(n, hasMessage);
            return new Walking((t, s, caller) -> hasMessage.test(s));
        }
        Function<Segment, String> field = switch (keyword) {
            case "user" -> Segment::user;
            case "availabilityzone" -> s -> ec2(s, "availability_zone");
            case "instance.id" -> s -> ec2(s, "instance_id");
            case "resource.arn" -> Keywords::resourceArn;
            default -> throw new IllegalStateException(keyword);
        };
        if (inNode) return (t, n) -> matches(field.apply(n), test);
        return new Walking((t, s, caller) -> matches(field.apply(s), test));
    }

    private static boolean matches(String value, Predicate<String> test) {
        return value != null && test.test(value);
    }

    private static boolean anyMessage(Cause cause, Predicate<String> test) {
        if (cause == null) return false;
        for (Cause.ExceptionInfo e : cause.exceptions()) if (matches(e.message(), test)) return true;
        return false;
    }

    /** A field of aws.ec2 as the SDKs record it on EC2 and Elastic Beanstalk, or null. */
    private static String ec2(Segment s, String field) {
        var aws = s.aws().raw();
        if (aws == null) return null;
        var value = aws.path("ec2").path(field);
        return value.isTextual() ? value.asText() : null;
    }

    /** The segment's resource_arn (for example a Lambda function's ARN), or null. */
    private static String resourceArn(Segment s) {
        return s.resourceArn();
    }

    /**
     * The http of the trace as GetTraceSummaries reports it: the root segment's, else that of the
     * first root that has one.
     */
    static HttpInfo traceHttp(Trace t) {
        Segment root = t.rootSegment();
        if (root != null && !root.http().isEmpty()) return root.http();
        for (Segment r : t.roots()) if (!r.http().isEmpty()) return r.http();
        return HttpInfo.NONE;
    }

    // ---- annotations ----

    /**
     * annotation.KEY at the top level: some node of the trace has the annotation and its value passes
     * the test (the test sees the annotation's String, Number or Boolean value).
     */
    static Condition annotation(String key, Predicate<Object> test) {
        String interned = key.intern();
        return new Condition() {
            public boolean test(Trace trace, Segment node) {
                return AnnotationIndex.of(trace).any(interned, test);
            }

            public int cost() {
                return 3;
            }
        };
    }

    static String normalize(String word) {
        return word.toLowerCase(Locale.ROOT);
    }

    /** A top-level condition that holds when some node of the trace tree satisfies the visitor. */
    /** A condition on the service nodes of a trace only (service(), edge()), read from their index. */
    record ServiceWalking(ServiceNodes.Visitor visitor) implements Condition {
        public boolean test(Trace trace, Segment node) {
            return ServiceNodes.of(trace).any(trace, visitor);
        }

        public int cost() {
            return WALK;
        }
    }

    record Walking(TraceWalk.Visitor visitor) implements Condition {
        public boolean test(Trace trace, Segment node) {
            return TraceWalk.any(trace, visitor);
        }

        public int cost() {
            return WALK;
        }
    }
}
