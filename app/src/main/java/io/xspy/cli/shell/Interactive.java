package io.xspy.cli.shell;

import io.xspy.timeline.Text;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal.SignalHandler;

/**
 * The prompt: JLine reads a line (completion, history, Ctrl-R, continuation lines), a worker thread
 * runs it, and Ctrl-C meanwhile cancels the command and keeps the shell. Ctrl-D or exit leaves.
 */
public final class Interactive {
    static final String PROMPT = "xspy> ";

    private final Session session;
    private final Terminal terminal;
    private final LineReader reader;

    public Interactive(Session session, Terminal terminal, Path historyFile) {
        this.session = session;
        this.terminal = terminal;
        LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("xspy")
                .parser(Shell.parser())
                .completer(new ShellCompleter(session))
                // '!' is the filter language's (!=, !fault), never history expansion
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.INSERT_TAB, false)
                .variable(LineReader.HISTORY_SIZE, 1000)
                .variable(LineReader.HISTORY_FILE_SIZE, 5000);
        for (String style : List.of(LineReader.COMPLETION_STYLE_STARTING, LineReader.COMPLETION_STYLE_DESCRIPTION,
                LineReader.COMPLETION_STYLE_GROUP, LineReader.COMPLETION_STYLE_BACKGROUND,
                LineReader.COMPLETION_STYLE_LIST_STARTING, LineReader.COMPLETION_STYLE_LIST_DESCRIPTION,
                LineReader.COMPLETION_STYLE_LIST_GROUP, LineReader.COMPLETION_STYLE_LIST_BACKGROUND)) {
            builder.variable(style, ""); // plain text: no colour in the completion list either
        }
        if (historyFile != null) {
            try {
                Files.createDirectories(historyFile.getParent());
                builder.variable(LineReader.HISTORY_FILE, historyFile);
            } catch (IOException | RuntimeException e) {
                terminal.writer().println("xspy: warning: no history kept: cannot create "
                        + Text.sanitize(String.valueOf(historyFile.getParent()), false));
            }
        }
        this.reader = builder.build();
        session.screen = this::handOver;
        session.columns = () -> terminal.getSize().getColumns();
    }

    public int run() {
        PrintWriter out = terminal.writer();
        out.println("xspy shell on " + Text.sanitize(session.host.source().describe(), false)
                + ". help lists the commands; Tab completes; Ctrl-D leaves.");
        out.flush();
        while (!session.exitRequested()) {
            try {
                reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                continue; // Ctrl-C at the prompt drops the line, as in a shell
            } catch (EndOfFileException e) {
                break;
            }
            List<String> words = reader.getParsedLine().words();
            if (words.isEmpty() || words.size() == 1 && words.get(0).isEmpty()) continue;
            runCancellable(words);
        }
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            // the history is a convenience: leaving works without it
        }
        return 0;
    }

    /** Runs the line on a worker; Ctrl-C interrupts it, drops what it still prints, and comes back to the prompt. */
    int runCancellable(List<String> words) {
        AtomicBoolean cancelled = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger code = new AtomicInteger();
        PrintWriter out = new PrintWriter(new Gate(terminal.writer(), cancelled), true);
        Thread worker = new Thread(() -> {
            try {
                code.set(session.execute(words, out, out));
            } finally {
                out.flush();
                done.countDown();
            }
        }, "xspy-command");
        worker.setDaemon(true);
        SignalHandler before = terminal.handle(Signal.INT, signal -> {
            cancelled.set(true);
            worker.interrupt();
            done.countDown();
        });
        try {
            worker.start();
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            terminal.handle(Signal.INT, before);
        }
        if (cancelled.get()) {
            terminal.writer().println();
            terminal.writer().println("xspy: cancelled");
            code.set(130);
        }
        terminal.flush();
        return code.get();
    }

    /**
     * Gives the terminal to the full-screen UI: JLine lets go of it and takes it back after, with the
     * tty's settings as they were and its signals registered again (the UI installs its own resize handler).
     */
    private void handOver(Session.IoAction ui) throws IOException {
        terminal.flush();
        // the UI leaves the tty in its own raw mode, Ctrl-C a key rather than a signal: put back what was
        Attributes before = terminal.getAttributes();
        terminal.pause();
        try {
            ui.run();
        } finally {
            try {
                terminal.setAttributes(before);
                terminal.resume();
            } catch (RuntimeException e) {
                throw new UncheckedIOException(new IOException("the terminal could not be taken back", e));
            }
            SignalHandler winch = terminal.handle(Signal.WINCH, SignalHandler.SIG_DFL);
            terminal.handle(Signal.WINCH, winch == SignalHandler.SIG_DFL ? s -> { } : winch);
        }
    }

    /** Passes text through until the command is cancelled; after that, what it prints goes nowhere. */
    private static final class Gate extends Writer {
        private final PrintWriter target;
        private final AtomicBoolean closed;

        Gate(PrintWriter target, AtomicBoolean closed) {
            this.target = target;
            this.closed = closed;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            if (!closed.get()) target.write(buf, off, len);
        }

        @Override
        public void flush() {
            if (!closed.get()) target.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }

    LineReader reader() {
        return reader;
    }
}
