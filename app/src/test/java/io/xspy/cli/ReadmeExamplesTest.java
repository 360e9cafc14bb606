package io.xspy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The README's examples run as written: every `--file` names a file of the repository, every trace id
 * they name is in that file, the read-only commands on a file or on the demo succeed, a timeline shown
 * under its command is what that command prints, and the AWS CLI is given a region and no need for
 * credentials. (The examples on AWS and the TUI are not run.)
 */
class ReadmeExamplesTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final List<String> DOCUMENTS = List.of("README.md", "docs/sample/README.md");
    static final Set<String> READ_ONLY = Set.of("trace", "logs", "traces", "services");
    static final Pattern INLINE = Pattern.compile("`(xspy [^`]+)`");

    /** An xspy command found in a document, split into words as a shell would. */
    record Example(String document, int line, List<String> words) {
        String where() {
            return document + ":" + line + ": xspy " + String.join(" ", words);
        }

        String after(String word) {
            int i = words.indexOf(word);
            return i >= 0 && i + 1 < words.size() ? words.get(i + 1) : null;
        }

        String command() {
            return words.stream().filter(w -> READ_ONLY.contains(w) || w.equals("export") || w.equals("serve"))
                    .findFirst().orElse(null);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFileExampleRuns() throws IOException {
        List<Example> examples = new ArrayList<>();
        for (String document : DOCUMENTS) examples.addAll(examples(document));
        List<Example> onFiles = examples.stream().filter(e -> e.after("--file") != null).toList();
        assertTrue(onFiles.size() >= 3, "the README shows --file: " + onFiles);
        List<Example> runnable = examples.stream()
                .filter(e -> e.words().contains("--file") || e.words().contains("--demo"))
                .filter(e -> e.command() != null && READ_ONLY.contains(e.command()))
                .toList();
        return Stream.concat(onFiles.stream().map(e -> DynamicTest.dynamicTest("file " + e.where(), () -> fileExists(e))),
                runnable.stream().map(e -> DynamicTest.dynamicTest("runs " + e.where(), () -> runs(e))));
    }

    static void fileExists(Example e) {
        String file = e.after("--file");
        assertTrue(file != null && Files.isRegularFile(ROOT.resolve(file)), e.where() + ": no such file " + file);
    }

    static void runs(Example e) {
        CliTest.Run r = CliTest.run(absolute(e.words()).toArray(String[]::new));
        assertEquals(0, r.exit(), e.where() + "\n" + r.err());
        assertFalse(r.out().isBlank(), e.where() + " printed nothing");
        String id = e.after(e.command());
        if (e.command().equals("trace")) {
            assertTrue(r.out().startsWith(id.substring(0, 20)), e.where() + " drew another trace:\n" + r.out());
        }
        if (e.command().equals("logs")) {
            assertTrue(r.out().contains("XRAY TraceId: " + id), e.where() + ": the lines of another trace:\n" + r.out());
        }
    }

    @Test
    void aTimelineShownUnderItsCommandIsWhatItPrints() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
        int checked = 0;
        for (int i = 0; i + 2 < lines.size(); i++) {
            Matcher m = INLINE.matcher(lines.get(i));
            int block = lines.get(i + 1).isBlank() ? i + 2 : i + 1;
            if (!lines.get(i).endsWith(":") || !m.find() || !lines.get(block).equals("```")) continue;
            List<String> words = words(m.group(1));
            if (!words.contains("trace")) continue;
            StringBuilder shown = new StringBuilder();
            for (int j = block + 1; !lines.get(j).equals("```"); j++) shown.append(lines.get(j)).append('\n');
            CliTest.Run r = CliTest.run(absolute(words.subList(1, words.size())).toArray(String[]::new));
            assertEquals(0, r.exit(), r.err());
            assertEquals(shown.toString(), r.out(),
                    "README.md:" + (i + 1) + ": the timeline shown is not what `" + m.group(1) + "` prints; paste its output");
            checked++;
        }
        assertTrue(checked >= 1, "the README shows the blog's Go timeline under its command");
    }

    @Test
    void thePolicyShownIsThePolicyFile() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int section = readme.indexOf("### Least-privilege IAM policy");
        int start = readme.indexOf("```json\n", section) + "```json\n".length();
        String shown = readme.substring(start, readme.indexOf("\n```", start));
        assertEquals(Files.readString(ROOT.resolve("docs/iam-policy.json")).strip(), shown,
                "README.md shows another policy than docs/iam-policy.json: paste the file");
    }

    /** In the README's code blocks. */
    @Test
    void theAwsCliIsGivenARegionAndNoCredentialsAreNeeded() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
        int checked = 0;
        boolean inBlock = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) inBlock = !inBlock;
            if (!inBlock || !line.matches(".*\\baws (xray|logs) .*")) continue;
            // a command may continue on the next lines
            StringBuilder command = new StringBuilder(line);
            for (int j = i; command.toString().endsWith("\\") && j + 1 < lines.size(); j++) {
                command.setLength(command.length() - 1);
                command.append(' ').append(lines.get(j + 1).strip());
            }
            String where = "README.md:" + (i + 1) + ": " + command;
            assertTrue(command.toString().contains("--region "), where + "\nthe AWS CLI says \"You must specify a region\"");
            assertTrue(command.toString().contains("--no-sign-request"),
                    where + "\non a fresh machine the AWS CLI says \"Unable to locate credentials\"");
            checked++;
        }
        assertTrue(checked >= 1, "the README shows the AWS CLI against xspy serve");
    }

    /**
     * The `xspy …` commands of a document: lines of its code blocks and inline code spans, except in
     * the Performance section (its files are made by the commands measured there).
     */
    static List<Example> examples(String document) throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve(document));
        List<Example> found = new ArrayList<>();
        boolean inBlock = false;
        boolean measured = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("## ")) measured = line.equals("## Performance");
            if (measured) continue;
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            if (inBlock) {
                String text = line.strip();
                if (text.startsWith("xspy ")) found.add(new Example(document, i + 1, words(text).subList(1, words(text).size())));
                continue;
            }
            Matcher m = INLINE.matcher(line);
            while (m.find()) {
                List<String> words = words(m.group(1));
                if (words.size() > 1) found.add(new Example(document, i + 1, words.subList(1, words.size())));
            }
        }
        return found;
    }

    /** Shell words: quotes group and are removed, `#` starts a comment, `&` ends the command. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else word.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                if (word == null) word = new StringBuilder();
            } else if (Character.isWhitespace(c) || c == '&') {
                if (word != null) words.add(word.toString());
                word = null;
                if (c == '&') break;
            } else if (c == '#' && word == null) {
                break;
            } else {
                if (word == null) word = new StringBuilder();
                word.append(c);
            }
        }
        if (word != null) words.add(word.toString());
        return words;
    }

    /** The words with every --file path made absolute (the examples run from the repository root). */
    static List<String> absolute(List<String> words) {
        List<String> out = new ArrayList<>(words);
        for (int i = 0; i + 1 < out.size(); i++) {
            if (out.get(i).equals("--file")) out.set(i + 1, ROOT.resolve(out.get(i + 1)).toString());
        }
        return out;
    }
}
