package io.xspy.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The JSON a node was read from, kept deflated rather than as a Jackson tree (a tree costs about six
 * times its text in heap; the deflated text a fifth of it), and read back on demand for the raw view,
 * the fields xspy does not model (metadata, sql, service, aws extras) and export. A document holds its
 * own bytes, deflated with a preset dictionary of common X-Ray fields (segment documents are small,
 * too small for deflate to learn much from them alone) once {@link #compact} is called; a subsegment
 * is a place in its document.
 * The text is what Jackson writes for the tree that was read, so export writes what it always wrote.
 * Deflate's fastest level: on demo documents it keeps 225 bytes of 910 where the default level keeps
 * 190, at a fraction of the time (ingest runs at tens of thousands of documents a second).
 */
public final class RawJson {

    private static final byte[] DICTIONARY = dictionary();
    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED, true));
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(() -> new Inflater(true));

    /**
     * A document: its UTF-8 text until {@link #compact} or {@link #pack} deflates it (ingest stays cheap;
     * the store deflates a trace's documents when it settles the trace), then where its text is: its
     * own deflated bytes, or a {@link Pack} of its trace's documents deflated together at {@link #offset}.
     * Written deflated first, plain cleared second, so a reader that finds no plain text finds deflated.
     */
    private volatile byte[] plain;
    private volatile Object deflated;
    private int offset;
    private final int length;
    /** A subsegment: the node it is embedded in, and its index in that node's subsegments array. */
    private final RawJson parent;
    private final int index;

    private RawJson(byte[] plain, int length, RawJson parent, int index) {
        this.plain = plain;
        this.length = length;
        this.parent = parent;
        this.index = index;
    }

    /** A document, as Jackson writes it. */
    public static RawJson document(JsonNode document) {
        return document(document.toString());
    }

    static RawJson document(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new RawJson(bytes, bytes.length, null, -1);
    }

    /** Deflates a document's text (once; a subsegment has none of its own). */
    public synchronized void compact() {
        byte[] text = plain;
        if (text == null) return;
        deflated = deflate(text, text.length);
        plain = null;
    }

    /** Documents deflated together: the documents of one trace repeat each other's names, ids and arns. */
    private record Pack(byte[] deflated, int length) {}

    /**
     * Deflates the documents' texts together (a trace's: about half the bytes of each deflated alone);
     * each reads its text back from the pack. Documents packed before are packed again with the rest.
     */
    public static void pack(List<RawJson> documents) {
        int total = 0;
        byte[][] texts = new byte[documents.size()][];
        for (int i = 0; i < texts.length; i++) {
            RawJson d = documents.get(i);
            if (d.parent != null) throw new IllegalArgumentException("a subsegment is packed with its document");
            texts[i] = d.bytes();
            total += texts[i].length;
        }
        byte[] all = new byte[total];
        int at = 0;
        for (byte[] t : texts) {
            System.arraycopy(t, 0, all, at, t.length);
            at += t.length;
        }
        Pack pack = new Pack(deflate(all, total), total);
        at = 0;
        for (int i = 0; i < texts.length; i++) {
            RawJson d = documents.get(i);
            synchronized (d) {
                d.offset = at;
                d.deflated = pack;
                d.plain = null;
            }
            at += texts[i].length;
        }
    }

    /** The subsegment at {@code index} of this node's {@code subsegments} array. */
    public RawJson subsegment(int index) {
        return new RawJson(null, -1, this, index);
    }

    /** The node's JSON, parsed anew on each call (callers keep what they need). */
    public JsonNode node() {
        if (parent == null) {
            try {
                return Json.read(new String(bytes(), StandardCharsets.UTF_8));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored JSON no longer parses", e); // it was written by Jackson
            }
        }
        int depth = 0;
        for (RawJson r = this; r.parent != null; r = r.parent) depth++;
        int[] path = new int[depth];
        RawJson document = this;
        for (int i = depth - 1; i >= 0; i--) {
            path[i] = document.index;
            document = document.parent;
        }
        JsonNode node = document.node();
        for (int i : path) node = node.path("subsegments").path(i);
        return node;
    }

    /** The node's JSON text: a document's as stored, a subsegment's as Jackson writes it. */
    public String text() {
        return parent == null ? new String(bytes(), StandardCharsets.UTF_8) : node().toString();
    }

    /** The length of a document's text in bytes (-1 for a subsegment, a place in its document). */
    public int length() {
        return length;
    }

    /** Whether the text is held deflated (a subsegment's is its document's). */
    public boolean isCompact() {
        return parent == null ? plain == null : parent.isCompact();
    }

    private byte[] bytes() {
        byte[] text = plain;
        if (text != null) return text;
        Object stored;
        int at;
        synchronized (this) { // the place and the pack together: a trace's documents are packed again when one arrives late
            stored = deflated;
            at = offset;
        }
        if (stored instanceof byte[] alone) return inflate(alone, length);
        return Arrays.copyOfRange(inflated((Pack) stored), at, at + length);
    }

    /** The last pack this thread inflated: export and the raw view read a trace's documents one after another. */
    private static final ThreadLocal<Object[]> LAST_INFLATED = ThreadLocal.withInitial(() -> new Object[2]);

    private static byte[] inflated(Pack pack) {
        Object[] last = LAST_INFLATED.get();
        if (last[0] != pack) {
            last[1] = inflate(pack.deflated, pack.length);
            last[0] = pack;
        }
        return (byte[]) last[1];
    }

    private static byte[] deflate(byte[] bytes, int count) {
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        deflater.setDictionary(DICTIONARY);
        deflater.setInput(bytes, 0, count);
        deflater.finish();
        byte[] buffer = new byte[Math.max(64, count / 3)];
        int size = 0;
        while (!deflater.finished()) {
            if (size == buffer.length) buffer = Arrays.copyOf(buffer, buffer.length * 2);
            size += deflater.deflate(buffer, size, buffer.length - size);
        }
        return Arrays.copyOf(buffer, size);
    }

    private static byte[] inflate(byte[] deflated, int length) {
        Inflater inflater = INFLATERS.get();
        inflater.reset();
        inflater.setDictionary(DICTIONARY); // raw deflate: set before the first inflate, as it was for deflate
        inflater.setInput(deflated);
        byte[] out = new byte[length];
        try {
            int size = 0;
            while (size < length) {
                int n = inflater.inflate(out, size, length - size);
                if (n == 0 && (inflater.finished() || inflater.needsInput())) break;
                size += n;
            }
            if (size != length) throw new IllegalStateException("stored JSON is shorter than written");
            return out;
        } catch (DataFormatException e) {
            throw new IllegalStateException("stored JSON no longer inflates", e);
        }
    }

    private static byte[] dictionary() {
        try (InputStream in = RawJson.class.getResourceAsStream("raw-json-dictionary.txt")) {
            if (in == null) throw new IllegalStateException("raw-json-dictionary.txt is missing from the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
