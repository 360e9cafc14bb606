package io.xspy.trace;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable map in insertion order over one array of keys and values: what a stored trace keeps
 * for a handful of annotations, at a fifth of a LinkedHashMap's heap. Lookups scan (maps are small).
 */
final class SmallMap<K, V> extends AbstractMap<K, V> {

    private final Object[] keysAndValues;

    private SmallMap(Object[] keysAndValues) {
        this.keysAndValues = keysAndValues;
    }

    /** An immutable copy in the same order; the empty map is {@link Map#of()}. */
    static <K, V> Map<K, V> copyOf(Map<? extends K, ? extends V> map) {
        if (map.isEmpty()) return Map.of();
        if (map instanceof SmallMap<?, ?>) {
            @SuppressWarnings("unchecked")
            Map<K, V> same = (Map<K, V>) map;
            return same;
        }
        Object[] kv = new Object[map.size() * 2];
        int i = 0;
        for (Map.Entry<? extends K, ? extends V> e : map.entrySet()) {
            kv[i++] = e.getKey();
            kv[i++] = e.getValue();
        }
        return new SmallMap<>(kv);
    }

    @Override
    public int size() {
        return keysAndValues.length / 2;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int at = indexOf(key);
        return at < 0 ? null : (V) keysAndValues[at + 1];
    }

    private int indexOf(Object key) {
        for (int i = 0; i < keysAndValues.length; i += 2) if (Objects.equals(keysAndValues[i], key)) return i;
        return -1;
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return SmallMap.this.size();
            }

            @Override
            public Iterator<Entry<K, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keysAndValues.length;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Entry<K, V> next() {
                        if (!hasNext()) throw new NoSuchElementException();
                        Entry<K, V> e = new SimpleImmutableEntry<>((K) keysAndValues[next], (V) keysAndValues[next + 1]);
                        next += 2;
                        return e;
                    }
                };
            }
        };
    }
}
