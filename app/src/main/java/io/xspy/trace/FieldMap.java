package io.xspy.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The fields of a JSON object read from a document, in order, in two arrays. Segment documents are
 * kept as read (for export and the raw view), and most of their objects have a handful of fields: a
 * LinkedHashMap spends about 250 bytes on three fields, this about 80, which is most of what a large
 * file costs in memory. Objects with many fields get a hash index, so lookups stay fast.
 */
final class FieldMap extends AbstractMap<String, JsonNode> {
    private static final int INDEX_FROM = 16;

    private String[] keys = new String[4];
    private JsonNode[] values = new JsonNode[4];
    private int size;
    private HashMap<String, Integer> index; // only for large objects

    private int indexOf(Object key) {
        if (index != null) {
            Integer i = index.get(key);
            return i == null ? -1 : i;
        }
        for (int i = 0; i < size; i++) if (keys[i] == key) return i; // Jackson interns field names
        if (key != null) for (int i = 0; i < size; i++) if (key.equals(keys[i])) return i;
        return -1;
    }

    @Override
    public JsonNode get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public JsonNode put(String key, JsonNode value) {
        int i = indexOf(key);
        if (i >= 0) {
            JsonNode old = values[i];
            values[i] = value;
            return old;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        if (index != null) index.put(key, size);
        else if (size + 1 > INDEX_FROM) reindex(size + 1);
        size++;
        return null;
    }

    @Override
    public JsonNode remove(Object key) {
        int i = indexOf(key);
        if (i < 0) return null;
        JsonNode old = values[i];
        removeAt(i);
        return old;
    }

    private void removeAt(int i) {
        System.arraycopy(keys, i + 1, keys, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        keys[size] = null;
        values[size] = null;
        if (index != null) reindex(size);
    }

    private void reindex(int n) {
        index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) index.put(keys[i], i);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void clear() {
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
        index = null;
    }

    @Override
    public Set<Map.Entry<String, JsonNode>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Map.Entry<String, JsonNode>> iterator() {
                return new Iterator<>() {
                    private int next;
                    private boolean removable;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Map.Entry<String, JsonNode> next() {
                        if (next >= size) throw new NoSuchElementException();
                        removable = true;
                        int at = next++;
                        return new SimpleEntry<>(keys[at], values[at]) {
                            @Override
                            public JsonNode setValue(JsonNode value) {
                                values[at] = value;
                                return super.setValue(value);
                            }
                        };
                    }

                    @Override
                    public void remove() {
                        if (!removable) throw new IllegalStateException();
                        removable = false;
                        removeAt(--next);
                    }
                };
            }
        };
    }
}
