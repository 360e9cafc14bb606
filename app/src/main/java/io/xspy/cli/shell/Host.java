package io.xspy.cli.shell;

import io.xspy.query.TimeWindow;
import io.xspy.source.TraceSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * What the shell needs of the CLI: its command line (every xspy command, run on one loaded source),
 * the window, switching the source and opening the full-screen UI. The CLI implements it
 * ({@code io.xspy.cli.ShellCommand}); tests may give their own.
 */
public interface Host extends AutoCloseable {

    /** The shell's command line: each xspy command (and the shell's own, once added) reads the loaded source. */
    CommandLine commandLine();

    /** Runs one command line, as {@code xspy [window options] WORDS}; its exit code (errors are on err). */
    int execute(List<String> words, PrintWriter out, PrintWriter err);

    /** The loaded source. */
    TraceSource source();

    /** The window the next command reads. */
    TimeWindow window();

    /** The window as options: "--since 1h", or "" for the source's default. */
    String windowOptions();

    /** Sets the window (null since/until: the source's default); a bad one throws with the reason and changes nothing. */
    void window(String since, String until);

    /**
     * Opens the source named by the source options of the command now running ({@code source --demo}) and
     * closes the old one; if it cannot be opened, the old one stays and this throws.
     */
    void switchSource(PrintWriter err);

    /** The full-screen UI on the loaded source, at a trace (or the services screen for null), until the user quits. */
    void openUi(String traceId) throws IOException;

    @Override
    void close();
}
