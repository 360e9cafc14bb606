package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.SGR;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** m on the services screen: the map, moving along its edges, Enter into traces, m back to the table. */
class MapScreenTest {

    @ParameterizedTest
    @CsvSource({"80,24", "160,48"})
    void theMapAndAWalkAlongItsEdges(int w, int h) {
        String size = w + "x" + h;
        try (Harness ui = new Harness(FakeSource.world(), Harness.options(), w, h)) {
            ui.keys("m");
            ui.assertGolden("map-" + size + "-1-map");
            // from the table's first service (items, a leaf) back along an edge to its caller
            ui.keys("Left");
            ui.assertGolden("map-" + size + "-2-edge");
            ui.keys("Left");
            ui.assertGolden("map-" + size + "-3-caller");
        }
    }

    @Test
    void mTogglesBetweenTheTableAndTheMapAndKeepsTheSelection() {
        try (Harness ui = new Harness(FakeSource.world(), Harness.options(), 100, 30)) {
            ui.keys("m");
            String map = ui.screen();
            assertTrue(map.contains("\u250C") && map.contains("m table"), map);
            // the table's first service is selected in the map too, named in full on the status line
            assertTrue(statusLine(ui).contains("items (AWS::DynamoDB::Table)"), map);
            ui.keys("Left");
            assertTrue(statusLine(ui).contains("\u2192 items"), ui.screen());
            ui.keys("Left");
            String caller = statusLine(ui);
            assertTrue(caller.contains("(AWS::Lambda::Function)"), ui.screen());
            ui.keys("m");
            String back = ui.screen();
            assertTrue(back.contains("service") && back.contains("req"), back);
            String callerName = caller.substring(2, caller.indexOf(" ("));
            assertTrue(reversedRow(ui).contains(callerName), "the table selects what the map did:\n" + back);
        }
    }

    @Test
    void upAndDownOnAnEdgePickTheBranch() {
        try (Harness ui = new Harness(FakeSource.world(), Harness.options(), 100, 30)) {
            ui.keys("m", "Left", "Up", "Up");
            String first = statusLine(ui);
            ui.keys("Down");
            String second = statusLine(ui);
            ui.keys("Down", "Down", "Down");
            String last = statusLine(ui);
            ui.keys("Up", "Up", "Up", "Up");
            assertEquals(first, statusLine(ui));
            assertTrue(ui.screen().contains("\u2501\u2513"), "the selected edge is drawn heavy:\n" + ui.screen());
            assertTrue(!first.equals(second) && !second.equals(last), first + "\n" + second + "\n" + last);
            for (String s : List.of(first, second, last)) assertTrue(s.contains("\u2192 items"), s);
        }
    }

    @Test
    void enterOpensTheTracesOfTheServiceOrOfTheEdge() {
        try (Harness ui = new Harness(FakeSource.world(), Harness.options(), 220, 30)) {
            ui.keys("m", "Enter");
            String node = ui.screen();
            assertTrue(node.contains("filter service(id(name: \"items\", type: \"AWS::DynamoDB::Table\"))"), node);
            ui.keys("Esc");
            assertTrue(ui.screen().contains("m table"), "back on the map:\n" + ui.screen());
            ui.keys("Left", "Enter");
            String edge = ui.screen();
            assertTrue(edge.contains("filter edge(id(name: \"xraystarter-"), edge);
            assertTrue(edge.contains("type: \"AWS::Lambda::Function\"), id(name: \"items\", type: \"AWS::DynamoDB::Table\"))"), edge);
            assertTrue(edge.lines().anyMatch(l -> l.matches(".*\\b1-[0-9a-f]{8}-.*")), "the edge's traces are listed:\n" + edge);
        }
    }

    @Test
    void helpListsTheMapsKeys() {
        try (Harness ui = new Harness(FakeSource.world(), Harness.options(), 100, 40)) {
            ui.keys("?");
            assertTrue(ui.screen().contains("map (the services drawn as a graph"), ui.screen());
            ui.keys("Esc", "m", "?");
            String help = ui.screen();
            assertTrue(help.contains("edges (follow them") && help.contains("table (the services as a table)"), help);
        }
    }

    @Test
    void asciiMapDrawsWithPlusMinusBarAndGreaterThan() {
        TuiOptions ascii = Harness.options().withAscii(true);
        try (Harness ui = new Harness(FakeSource.world(), ascii, 80, 24)) {
            ui.keys("m");
            String s = ui.screen();
            assertTrue(s.contains("+--") && s.contains("->") && s.contains("|"), s);
            assertTrue(s.chars().allMatch(c -> c < 128), s);
        }
    }

    private static String statusLine(Harness ui) {
        List<String> lines = ui.screen().lines().toList();
        return lines.get(lines.size() - 2);
    }

    /** The row drawn in reverse video: the table's selection. */
    private static String reversedRow(Harness ui) {
        List<String> lines = ui.screen().lines().toList();
        for (int y = 0; y < lines.size(); y++) {
            if (ui.terminal.getBufferCharacter(2, y).getModifiers().contains(SGR.REVERSE)) return lines.get(y);
        }
        return "";
    }
}
