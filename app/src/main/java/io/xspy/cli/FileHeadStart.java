package io.xspy.cli;

import io.xspy.source.local.FileLoader;
import io.xspy.source.local.TraceStore;
import java.nio.file.Path;

/**
 * The one {@code --file} of a command line read into a store on another thread while picocli builds
 * its model on the main one (for a 10,000-node trace the two took about as long as each other, one
 * after the other). The command line is only guessed at here; {@link Sources} takes the store only
 * when picocli's reading agrees (the same one file, the default cap), so a wrong guess costs work on
 * another core and changes nothing. Nothing is printed here: what the load found is reported by
 * Sources as for a load of its own, and a load that failed fails there, with the same exception.
 */
final class FileHeadStart {

    /** A load under way: the file, its store, and what the load gave or threw once {@link #thread} ends. */
    private static final class Ahead implements Runnable { // a class, not a lambda: none is spun up on the way
        final Path file;
        final TraceStore store = new TraceStore(TraceStore.DEFAULT_MAX_TRACES, TraceStore.DEFAULT_MAX_LOG_EVENTS);
        final Thread thread;
        FileLoader.Loaded loaded;
        Throwable failed;

        Ahead(Path file) {
            this.file = file;
            thread = new Thread(this, "xspy-file-head-start");
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            try {
                loaded = FileLoader.load(file, store);
            } catch (RuntimeException | Error e) {
                failed = e;
            }
        }
    }

    /** A store with the file loaded into it (or a load that failed). */
    static final class Read {
        private final Ahead ahead;

        private Read(Ahead ahead) {
            this.ahead = ahead;
        }

        TraceStore store() {
            return ahead.store;
        }

        /** What the load found; what it threw is thrown here, where the command's own load would have thrown it. */
        FileLoader.Loaded loaded() {
            if (ahead.failed instanceof RuntimeException e) throw e;
            if (ahead.failed instanceof Error e) throw e;
            return ahead.loaded;
        }
    }

    private static Ahead ahead;

    private FileHeadStart() {}

    /** Starts reading the file the command line names, if it names exactly one and no cap or help. */
    static synchronized void begin(String... args) {
        Path file = guess(args);
        // a regular file only: one read by a command that takes no store from here is read again, a pipe would not be
        if (file == null || !java.nio.file.Files.isRegularFile(file)) return;
        ahead = new Ahead(file);
        ahead.thread.start();
    }

    /**
     * The path of the command line's one {@code --file}, or null when there is none, more than one, a
     * {@code --max-traces}, an end of options or a request for help or the version.
     */
    static Path guess(String... args) {
        String file = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            if (a.equals("--file") && i + 1 < args.length) value = args[++i];
            else if (a.startsWith("--file=")) value = a.substring("--file=".length());
            else if (a.equals("--") || a.startsWith("--max-traces") || a.equals("-h") || a.equals("--help")
                    || a.equals("-V") || a.equals("--version")) return null;
            if (value == null) continue;
            if (file != null || value.isEmpty()) return null;
            file = value;
        }
        try {
            return file == null ? null : Path.of(file);
        } catch (RuntimeException e) { // not a path here: picocli says so
            return null;
        }
    }

    /**
     * The store read ahead for this one file at this cap, once its load has ended; null when none was
     * begun for them. Only the first source opened is asked.
     */
    static synchronized Read take(java.util.List<Path> files, int maxTraces) {
        Ahead a = ahead;
        ahead = null; // asked once: a source opened later (in xspy shell) reads its files anew
        if (a == null || files.size() != 1 || !files.get(0).equals(a.file) || maxTraces != TraceStore.DEFAULT_MAX_TRACES) {
            return null;
        }
        boolean interrupted = false;
        while (true) {
            try {
                a.thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        return new Read(a);
    }
}
