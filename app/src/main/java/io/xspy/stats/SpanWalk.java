package io.xspy.stats;

import com.fasterxml.jackson.databind.JsonNode;
import io.xspy.trace.Kind;
import io.xspy.trace.LambdaInvocation;
import io.xspy.trace.Segment;
import io.xspy.trace.Status;
import io.xspy.trace.Trace;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Predicate;

/**
 * One walk over a trace's tree that names each span's path and reads the key it is grouped by:
 * <ul>
 * <li>cold/warm: of the Lambda invocation the span ran in (the nearest Lambda function or Lambda
 *     service segment above it, cold when its function segment has an Initialization); a span outside
 *     any Lambda function takes the trace's (cold when any invocation in it was);</li>
 * <li>annotation.NAME: the span's own annotation, else the nearest annotated span above it, else the
 *     first one recorded in the same segment document (the Go SDK annotates the write, not the
 *     invocation);</li>
 * <li>version: the qualifier of the Lambda function's ARN, {@code $LATEST} without one;</li>
 * <li>runtime: a segment's service.runtime, else the X-Ray SDK that recorded the span, else the
 *     {@code runtime} annotation, found as annotations are.</li>
 * </ul>
 * Spans still in progress have no duration and are left out.
 */
final class SpanWalk {

    interface Visitor {
        void span(PathNode path, Segment node, String key);
    }

    private final Split split;
    private final Predicate<SpanPath> selector;
    private final PathNode root = new PathNode(new SpanPath(List.of()));
    private final ArrayDeque<Frame> stack = new ArrayDeque<>();

    /** A node to visit and what it inherits from above. */
    private record Frame(Segment node, PathNode parentPath, Lambda lambda, String inherited, Segment document,
            String documentValue) {}

    /** The Lambda invocation a span runs in. */
    private record Lambda(boolean cold, String version) {}

    SpanWalk(Split split, Predicate<SpanPath> selector) {
        this.split = split;
        this.selector = selector;
    }

    void walk(Trace trace, Visitor visitor) {
        Boolean[] traceCold = {null};
        List<Segment> roots = trace.roots();
        for (int i = roots.size() - 1; i >= 0; i--) stack.push(new Frame(roots.get(i), root, null, null, null, null));
        while (!stack.isEmpty()) {
            Frame f = stack.pop();
            Segment node = f.node;
            boolean document = node.kind() != Kind.SUBSEGMENT;
            PathNode own;
            PathNode below;
            Lambda lambda = f.lambda;
            Segment doc = f.document;
            String docValue = f.documentValue;
            if (document) {
                below = root.child(node.name());
                own = LambdaInvocation.FUNCTION_ORIGIN.equals(node.origin()) ? below.child(SpanPath.FUNCTION) : below;
                Lambda l = lambdaOf(node);
                if (l != null) lambda = l;
                doc = node;
                docValue = null;
            } else {
                own = below = f.parentPath.child(label(node));
            }
            String inherited = f.inherited;
            if (split.kind() == Split.Kind.ANNOTATION || split.kind() == Split.Kind.RUNTIME) {
                String mine = attribute(node);
                if (mine != null) inherited = mine;
            }
            if (node.endTime() != null && own.selected(selector)) {
                String key = switch (split.kind()) {
                    case NONE -> "";
                    case COLD -> {
                        boolean cold = lambda != null ? lambda.cold : traceCold(trace, traceCold);
                        yield cold ? Split.COLD_KEY : Split.WARM_KEY;
                    }
                    case VERSION -> lambda != null ? lambda.version : Split.NO_VALUE;
                    case ANNOTATION, RUNTIME -> {
                        if (inherited != null) yield inherited;
                        if (doc != null && docValue == null) docValue = firstBelow(doc);
                        yield docValue == null || docValue.isEmpty() ? Split.NO_VALUE : docValue;
                    }
                };
                visitor.span(own, node, key);
            }
            List<Segment> kids = node.subsegments();
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(new Frame(kids.get(i), below, lambda, inherited, doc, docValue));
            }
        }
    }

    /** A subsegment's part of a path: its name, and the operation of a call to AWS ("DynamoDB PutItem"). */
    static String label(Segment s) {
        String op = s.aws().operation();
        if (op == null || !"aws".equals(s.namespace()) || s.name().endsWith(op)) return s.name();
        return s.name() + " " + op;
    }

    /** The outcome X-Ray counts: a fault, an error (a throttle is one), or ok. */
    static byte outcome(Segment s) {
        Status st = s.status();
        if (s.fault() || st == Status.FAULT) return PathSamples.FAULT;
        if (s.error() || s.throttle() || st != Status.OK) return PathSamples.ERROR;
        return PathSamples.OK;
    }

    private static Lambda lambdaOf(Segment s) {
        if (LambdaInvocation.FUNCTION_ORIGIN.equals(s.origin())) return new Lambda(hasInit(s), version(s));
        if (!LambdaInvocation.SERVICE_ORIGIN.equals(s.origin())) return null;
        // the service's segment: its function segment hangs below an Attempt
        for (Segment attempt : s.subsegments()) {
            for (Segment fn : attempt.subsegments()) {
                if (LambdaInvocation.FUNCTION_ORIGIN.equals(fn.origin())) return new Lambda(hasInit(fn), version(fn));
            }
        }
        return new Lambda(false, version(s));
    }

    private static boolean hasInit(Segment fn) {
        for (Segment sub : fn.subsegments()) if (sub.name().equals("Initialization")) return true;
        return false;
    }

    /** The qualifier of arn:aws:lambda:REGION:ACCOUNT:function:NAME:QUALIFIER, else $LATEST. */
    static String version(Segment s) {
        String arn = s.raw() == null ? null : s.raw().path("resource_arn").asText(null);
        if (arn == null) arn = s.aws().functionArn();
        if (arn == null) return "$LATEST";
        String[] parts = arn.split(":");
        return parts.length >= 8 && !parts[7].isEmpty() ? parts[7] : "$LATEST";
    }

    private static boolean traceCold(Trace trace, Boolean[] memo) {
        if (memo[0] == null) {
            boolean cold = false;
            for (Segment s : trace.nodesById().values()) {
                if (s.kind() == Kind.SUBSEGMENT && s.name().equals("Initialization")) {
                    cold = true;
                    break;
                }
            }
            memo[0] = cold;
        }
        return memo[0];
    }

    /** The value the split reads on this node itself, or null. */
    private String attribute(Segment s) {
        if (split.kind() == Split.Kind.ANNOTATION) return text(s.annotations().get(split.annotation()));
        if (s.kind() != Kind.SUBSEGMENT && s.service() != null) {
            JsonNode runtime = s.service().path("runtime");
            if (runtime.isTextual()) {
                String version = s.service().path("runtime_version").asText("");
                return version.isEmpty() ? runtime.asText() : runtime.asText() + " " + version;
            }
        }
        if (s.aws().xraySdk() != null) return s.aws().xraySdk();
        return text(s.annotations().get("runtime"));
    }

    /** The first value found in a segment document's own subsegments (not in other documents below). */
    private String firstBelow(Segment doc) {
        ArrayDeque<Segment> todo = new ArrayDeque<>(doc.subsegments());
        while (!todo.isEmpty()) {
            Segment s = todo.pop();
            if (s.kind() != Kind.SUBSEGMENT) continue;
            String v = attribute(s);
            if (v != null) return v;
            List<Segment> kids = s.subsegments();
            for (int i = kids.size() - 1; i >= 0; i--) todo.push(kids.get(i));
        }
        return "";
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
