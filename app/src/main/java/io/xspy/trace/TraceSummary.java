package io.xspy.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trace as GetTraceSummaries describes it, plus {@code coldStart}: whether any Lambda invocation in
 * it initialised a new execution environment. {@code annotations} maps each key to its values.
 */
public record TraceSummary(
        String id,
        double startTime,
        double duration,
        double responseTime,
        boolean hasFault,
        boolean hasError,
        boolean hasThrottle,
        boolean isPartial,
        HttpInfo http,
        Map<String, List<Object>> annotations,
        List<String> users,
        List<ServiceId> serviceIds,
        ServiceId entryPoint,
        boolean coldStart) {

    public TraceSummary {
        // a store keeps every trace's summary: immutable and small, in the same order
        if (annotations != null) {
            Map<String, List<Object>> values = new LinkedHashMap<>();
            annotations.forEach((k, v) -> values.put(k, immutable(v)));
            annotations = SmallMap.copyOf(values);
        }
        users = immutable(users);
        serviceIds = immutable(serviceIds);
    }

    private static <T> List<T> immutable(List<T> list) {
        if (list == null) return null;
        for (T t : list) if (t == null) return Collections.unmodifiableList(new ArrayList<>(list));
        return List.copyOf(list);
    }

    public Status status() {
        if (hasFault) return Status.FAULT;
        if (hasThrottle) return Status.THROTTLE;
        if (hasError) return Status.ERROR;
        return Status.OK;
    }

    public static TraceSummary of(Trace trace) {
        Map<String, ServiceId> services = new LinkedHashMap<>();
        Map<String, List<Object>> annotations = new LinkedHashMap<>();
        Set<String> users = new LinkedHashSet<>();
        boolean[] cold = {false};
        for (Segment root : trace.roots()) {
            root.walk(s -> {
                ServiceId id = ServiceId.of(s);
                if (id != null) services.putIfAbsent(id.key(), id);
                s.annotations().forEach((k, v) -> {
                    List<Object> values = annotations.computeIfAbsent(k, x -> new ArrayList<>());
                    if (!values.contains(v)) values.add(v);
                });
                if (s.user() != null) users.add(s.user());
                if (s.name().equals("Initialization") && s.kind() == Kind.SUBSEGMENT) cold[0] = true;
            });
        }
        Segment root = trace.rootSegment();
        HttpInfo http = HttpInfo.NONE;
        for (Segment r : trace.roots()) {
            if (!r.http().isEmpty()) {
                http = r.http();
                break;
            }
        }
        return new TraceSummary(trace.id(), trace.startTime(), trace.duration(), trace.responseTime(),
                trace.hasFault(), trace.hasError(), trace.hasThrottle(), trace.isPartial(), http, annotations,
                List.copyOf(users), List.copyOf(services.values()), root == null ? null : ServiceId.of(root),
                cold[0]);
    }
}
