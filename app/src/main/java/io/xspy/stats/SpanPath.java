package io.xspy.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a span sits, the same in every trace: the service (the nearest segment's name) and the
 * chain of subsegment names below it, a call to AWS named with its operation, e.g.
 * {@code xraystarter-go › Invocation › write-items › DynamoDB PutItem}. A segment's own path is its
 * name alone, except the function segment of a Lambda function, {@code xraystarter-go › (function)},
 * which would otherwise share its name with the Lambda service's segment.
 */
public record SpanPath(List<String> parts) implements Comparable<SpanPath> {

    /** Between parts: what the issue and the screens show, and what a terminal without UTF-8 gets. */
    public static final String SEPARATOR = " \u203A ";
    public static final String ASCII_SEPARATOR = " > ";
    /** The last part of a Lambda function segment's own path. */
    public static final String FUNCTION = "(function)";

    public SpanPath {
        parts = List.copyOf(parts);
    }

    public static SpanPath of(String... parts) {
        return new SpanPath(List.of(parts));
    }

    /** This path and one more part. */
    public SpanPath child(String name) {
        List<String> more = new ArrayList<>(parts.size() + 1);
        more.addAll(parts);
        more.add(name);
        return new SpanPath(more);
    }

    public String service() {
        return parts.isEmpty() ? "" : parts.get(0);
    }

    public String leaf() {
        return parts.isEmpty() ? "" : parts.get(parts.size() - 1);
    }

    public int depth() {
        return parts.size();
    }

    public String display(boolean ascii) {
        return String.join(ascii ? ASCII_SEPARATOR : SEPARATOR, parts);
    }

    @Override
    public String toString() {
        return display(false);
    }

    /** By service, then part by part, a parent before its children. */
    @Override
    public int compareTo(SpanPath o) {
        for (int i = 0; i < Math.min(parts.size(), o.parts.size()); i++) {
            int c = parts.get(i).compareTo(o.parts.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(parts.size(), o.parts.size());
    }
}
