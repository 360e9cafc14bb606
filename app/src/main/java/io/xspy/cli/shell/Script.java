package io.xspy.cli.shell;

import io.xspy.timeline.Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;

/**
 * {@code xspy shell < walk.txt}: each command is echoed after the prompt, then run; the first that
 * fails stops the script with its line number (exit 1). Blank lines and # comments are skipped; an
 * unclosed quote or brace continues on the next line, as at the prompt.
 */
final class Script {
    private final Session session;
    private final BufferedReader in;
    private final PrintWriter out;
    private final PrintWriter err;

    Script(Session session, BufferedReader in, PrintWriter out, PrintWriter err) {
        this.session = session;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    int run() {
        DefaultParser parser = Shell.parser();
        int number = 0;
        try {
            String line;
            while (!session.exitRequested() && (line = in.readLine()) != null) {
                number++;
                int first = number;
                String text = line;
                if (text.isBlank() || text.stripLeading().startsWith("#")) continue;
                ParsedLine parsed;
                while (true) {
                    try {
                        parsed = parser.parse(text, text.length(), Parser.ParseContext.ACCEPT_LINE);
                        break;
                    } catch (EOFError open) {
                        String next = in.readLine();
                        if (next == null) {
                            return fail(first, "the script ends inside an unclosed " + open.getMissing());
                        }
                        number++;
                        text = text + "\n" + next;
                    }
                }
                out.println("xspy> " + Text.sanitize(text.replace("\n", " "), false));
                out.flush();
                int code = session.execute(parsed.words(), out, err);
                out.flush();
                if (code != 0) return fail(first, "stopped: this command failed (exit " + code + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }

    private int fail(int line, String why) {
        err.println("xspy: line " + line + ": " + why);
        err.flush();
        return 1;
    }
}
