package io.xspy.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.function.IntConsumer;

/**
 * UTF-8 text from a stream, as a careful reader wants it: a leading byte-order mark is skipped (editors
 * on Windows and PowerShell's redirection write one), and bytes that are not UTF-8 become U+FFFD and are
 * reported by line, once a line, so one bad byte costs a character, never the file.
 */
public final class Utf8Text extends Reader {
    private static final char BOM = '\uFEFF';

    private final InputStream in;
    private final IntConsumer badLine;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    private final CharBuffer chars = CharBuffer.allocate(64 * 1024);
    private boolean eof;
    private boolean started;
    private int line = 1;
    private int lastBadLine;

    /** @param badLine told the line number of each line holding bytes that are not UTF-8 */
    public Utf8Text(InputStream in, IntConsumer badLine) {
        this.in = in;
        this.badLine = badLine;
        bytes.flip();
        chars.flip();
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (!chars.hasRemaining()) {
            if (!fill() && !chars.hasRemaining()) return -1;
        }
        int n = Math.min(len, chars.remaining());
        chars.get(buf, off, n);
        return n;
    }

    /** Decodes more characters; false at the end of the stream. */
    private boolean fill() throws IOException {
        chars.clear();
        int counted = 0;
        while (chars.position() == 0) {
            if (needBytes) {
                if (eof) break;
                readMore();
                needBytes = false;
                continue;
            }
            CoderResult r = decoder.decode(bytes, chars, eof);
            char[] decoded = chars.array(); // the array itself: a buffer's get per character cost more than the decoding
            for (int end = chars.position(); counted < end; counted++) if (decoded[counted] == '\n') line++;
            if (r.isError()) {
                bad();
                bytes.position(bytes.position() + r.length());
            } else if (r.isUnderflow()) {
                if (eof) break;
                needBytes = true;
            }
        }
        chars.flip();
        if (!started && chars.hasRemaining()) {
            started = true;
            if (chars.get(chars.position()) == BOM) chars.get();
        }
        return chars.hasRemaining() || !eof || bytes.hasRemaining();
    }

    private boolean needBytes = true;

    private void bad() {
        if (chars.remaining() > 0) chars.put('\uFFFD');
        if (line != lastBadLine) {
            lastBadLine = line;
            badLine.accept(line);
        }
    }

    private void readMore() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) eof = true;
        else bytes.position(bytes.position() + n);
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
