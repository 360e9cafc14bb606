package io.xspy.cli.shell;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Passes a command's output through and notes the trace ids in it, in order, once each. */
final class ListingCapture extends Writer {
    /** An X-Ray trace id: 1-, eight hex digits of time, 24 of randomness. */
    static final Pattern TRACE_ID = Pattern.compile("\\b1-[0-9a-f]{8}-[0-9a-f]{24}\\b");

    private final PrintWriter out;
    private final StringBuilder line = new StringBuilder();
    private final Set<String> ids = new LinkedHashSet<>();

    ListingCapture(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void write(char[] buf, int off, int len) {
        out.write(buf, off, len);
        for (int i = off; i < off + len; i++) {
            if (buf[i] == '\n') scan();
            else if (line.length() < 4096) line.append(buf[i]);
        }
    }

    private void scan() {
        Matcher m = TRACE_ID.matcher(line);
        while (m.find()) ids.add(m.group());
        line.setLength(0);
    }

    List<String> ids() {
        return new ArrayList<>(ids);
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        scan();
        flush();
    }
}
