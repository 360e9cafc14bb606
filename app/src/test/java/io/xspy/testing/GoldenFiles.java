package io.xspy.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Golden text files under src/test/resources/golden/AREA/. With -Dgolden.update=true the files are
 * written from what the code produces (review the diff); otherwise they are compared exactly and a
 * mismatch fails with a line diff. A missing file is written and fails, so it gets looked at.
 */
public final class GoldenFiles {
    private static final Path ROOT = Path.of("src/test/resources/golden");

    private GoldenFiles() {}

    public static void check(String area, String name, String actual) {
        Path file = ROOT.resolve(area).resolve(name);
        try {
            boolean update = Boolean.getBoolean("golden.update");
            if (update || !Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                if (!update) fail("wrote new golden file " + file + "; check it\n" + actual);
                return;
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            if (!expected.equals(actual)) fail("golden " + file + " differs (- expected, + actual):\n" + diff(expected, actual));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines that differ, position by position: enough to see what moved. */
    static String diff(String expected, String actual) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : null;
            String y = i < b.size() ? b.get(i) : null;
            if (x != null && x.equals(y)) {
                out.append("  ").append(x).append('\n');
                continue;
            }
            if (x != null) out.append("- ").append(x).append('\n');
            if (y != null) out.append("+ ").append(y).append('\n');
        }
        return out.toString();
    }
}
