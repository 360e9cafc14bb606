package io.xspy.stats;

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
 *     any Lambda function takes the trace's (cold when any invocation in it was), and is visited after
 *     the rest of the trace, once that is known;</li>
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
    private final boolean byCold;
    private final boolean byVersion;
    private final boolean byAttribute;

    // the walk's stack as parallel arrays, reused from trace to trace: nothing is allocated per node
    private Segment[] nodes = new Segment[64];
    private PathNode[] parents = new PathNode[64];
    private byte[] colds = new byte[64];           // the enclosing invocation: NONE, WARM or COLD
    private String[] versions = new String[64];    // the enclosing invocation's version, or null
    private String[] inherited = new String[64];   // the split's value on the node or above it, or null
    private Segment[] documents = new Segment[64]; // the enclosing segment document
    private int top;
    // spans whose cold/warm is the trace's, visited when the walk has seen all of it
    private Segment[] deferredNodes = new Segment[16];
    private PathNode[] deferredPaths = new PathNode[16];
    private int deferred;
    private Segment cachedDocument;
    private String cachedFirst = "";

    private static final byte NONE = 0, WARM = 1, COLD = 2;
    private static final String INITIALIZATION = "Initialization";

    SpanWalk(Split split, Predicate<SpanPath> selector) {
        this.split = split;
        this.selector = selector;
        this.byCold = split.kind() == Split.Kind.COLD;
        this.byVersion = split.kind() == Split.Kind.VERSION;
        this.byAttribute = split.kind() == Split.Kind.ANNOTATION || split.kind() == Split.Kind.RUNTIME;
    }

    void walk(Trace trace, Visitor visitor) {
        boolean traceCold = false; // whether any Initialization was seen: known at the end of the walk
        deferred = 0;
        List<Segment> roots = trace.roots();
        top = 0;
        for (int i = roots.size() - 1; i >= 0; i--) push(roots.get(i), root, NONE, null, null, null);
        while (top > 0) {
            top--;
            Segment node = nodes[top];
            PathNode parent = parents[top];
            byte cold = colds[top];
            String version = versions[top];
            String value = inherited[top];
            Segment doc = documents[top];
            PathNode own;
            PathNode below;
            if (byCold && node.kind() == Kind.SUBSEGMENT && node.name().equals(INITIALIZATION)) traceCold = true;
            if (node.kind() != Kind.SUBSEGMENT) {
                below = root.child(node.name());
                own = LambdaInvocation.FUNCTION_ORIGIN.equals(node.origin()) ? below.child(SpanPath.FUNCTION) : below;
                if (byCold) {
                    byte c = coldOf(node);
                    if (c != NONE) cold = c;
                } else if (byVersion && isLambda(node)) {
                    version = version(node);
                }
                doc = node;
            } else {
                own = below = parent.child(node);
            }
            if (byAttribute) {
                String mine = attribute(node);
                if (mine != null) value = mine;
            }
            if (node.endTime() != null && own.selected(selector)) {
                String key = switch (split.kind()) {
                    case NONE -> "";
                    case COLD -> cold == NONE ? null : cold == COLD ? Split.COLD_KEY : Split.WARM_KEY;
                    case VERSION -> version != null ? version : Split.NO_VALUE;
                    case ANNOTATION, RUNTIME -> {
                        if (value != null) yield value;
                        if (doc != cachedDocument) {
                            cachedDocument = doc;
                            cachedFirst = doc == null ? "" : firstBelow(doc);
                        }
                        String first = cachedFirst;
                        yield first.isEmpty() ? Split.NO_VALUE : first;
                    }
                };
                if (key != null) visitor.span(own, node, key);
                else defer(own, node);
            }
            List<Segment> kids = node.subsegments();
            for (int i = kids.size() - 1; i >= 0; i--) push(kids.get(i), below, cold, version, value, doc);
        }
        // spans outside any Lambda function take the trace's cold or warm, known only now
        String traceKey = traceCold ? Split.COLD_KEY : Split.WARM_KEY;
        for (int i = 0; i < deferred; i++) {
            visitor.span(deferredPaths[i], deferredNodes[i], traceKey);
            deferredPaths[i] = null;
            deferredNodes[i] = null;
        }
    }

    private void defer(PathNode path, Segment node) {
        if (deferred == deferredNodes.length) {
            deferredNodes = java.util.Arrays.copyOf(deferredNodes, deferred * 2);
            deferredPaths = java.util.Arrays.copyOf(deferredPaths, deferred * 2);
        }
        deferredNodes[deferred] = node;
        deferredPaths[deferred] = path;
        deferred++;
    }

    private void push(Segment node, PathNode parent, byte cold, String version, String value, Segment doc) {
        if (top == nodes.length) {
            int n = top * 2;
            nodes = java.util.Arrays.copyOf(nodes, n);
            parents = java.util.Arrays.copyOf(parents, n);
            colds = java.util.Arrays.copyOf(colds, n);
            versions = java.util.Arrays.copyOf(versions, n);
            inherited = java.util.Arrays.copyOf(inherited, n);
            documents = java.util.Arrays.copyOf(documents, n);
        }
        nodes[top] = node;
        parents[top] = parent;
        colds[top] = cold;
        versions[top] = version;
        inherited[top] = value;
        documents[top] = doc;
        top++;
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

    private static boolean isLambda(Segment s) {
        return LambdaInvocation.FUNCTION_ORIGIN.equals(s.origin()) || LambdaInvocation.SERVICE_ORIGIN.equals(s.origin());
    }

    /** Whether a Lambda segment's invocation was a cold start; NONE for other segments. */
    private static byte coldOf(Segment s) {
        if (LambdaInvocation.FUNCTION_ORIGIN.equals(s.origin())) return hasInit(s) ? COLD : WARM;
        if (!LambdaInvocation.SERVICE_ORIGIN.equals(s.origin())) return NONE;
        // the service's segment: its function segment hangs below an Attempt
        for (Segment attempt : s.subsegments()) {
            for (Segment fn : attempt.subsegments()) {
                if (LambdaInvocation.FUNCTION_ORIGIN.equals(fn.origin())) return hasInit(fn) ? COLD : WARM;
            }
        }
        return WARM;
    }

    private static boolean hasInit(Segment fn) {
        for (Segment sub : fn.subsegments()) if (sub.name().equals(INITIALIZATION)) return true;
        return false;
    }

    /** The qualifier of arn:aws:lambda:REGION:ACCOUNT:function:NAME:QUALIFIER, else $LATEST. */
    static String version(Segment s) {
        String arn = s.resourceArn();
        if (arn == null) arn = s.aws().functionArn();
        if (arn == null) return "$LATEST";
        String[] parts = arn.split(":");
        return parts.length >= 8 && !parts[7].isEmpty() ? parts[7] : "$LATEST";
    }


    /** The value the split reads on this node itself, or null. */
    private String attribute(Segment s) {
        if (split.kind() == Split.Kind.ANNOTATION) return text(s.annotations().get(split.annotation()));
        if (s.kind() != Kind.SUBSEGMENT && s.service() != null) {
            var runtime = s.service().path("runtime");
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
