package io.xspy.trace;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared instance of each equal immutable value that repeats across traces (a service's identity,
 * an http object holding only a status), so 100,000 stored traces hold a handful of them, not a copy
 * each. Bounded: past {@value #MAX} distinct values new ones are kept as they come.
 */
final class Canonical {

    static final int MAX = 10_000;
    private static final ConcurrentHashMap<Object, Object> VALUES = new ConcurrentHashMap<>();

    private Canonical() {}

    @SuppressWarnings("unchecked")
    static <T> T of(T value) {
        Object shared = VALUES.get(value);
        if (shared != null) return (T) shared;
        if (VALUES.size() >= MAX) return value;
        shared = VALUES.putIfAbsent(value, value);
        return shared == null ? value : (T) shared;
    }
}
