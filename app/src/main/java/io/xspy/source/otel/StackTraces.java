package io.xspy.source.otel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An exception event's stack trace (a string) → X-Ray's exceptions with stack frames, for the
 * languages whose traces the exporter reads: Java ("\tat pkg.Class.method(File.java:12)", with
 * "Caused by:" chains), Python ("  File "x.py", line 3, in f", innermost last, with "During handling
 * of the above exception" chains) and JavaScript ("    at f (/app/x.js:3:9)"). Other languages keep
 * type and message only, as with the exporter.
 */
final class StackTraces {

    private StackTraces() {}

    /** A stable exception id: the span's id plus the exception's index (X-Ray wants 16 hex digits). */
    static String id(String spanId, int index) {
        long base = OtelIds.isHex(spanId, 16) ? Long.parseUnsignedLong(spanId, 16) : spanId.hashCode();
        return String.format("%016x", base + index + 1);
    }

    static void add(ArrayNode exceptions, String spanId, int index, String type, String message, String stack,
            boolean remote, String language) {
        ObjectNode first = exception(exceptions, id(spanId, index * 100), type, message, remote);
        if (stack == null || stack.isEmpty() || language == null) return;
        switch (language) {
            case "java", "php" -> java(exceptions, first, stack, spanId, index, remote);
            case "python" -> python(exceptions, first, stack, spanId, index, remote);
            case "javascript", "nodejs", "webjs" -> javascript(first, stack);
            default -> { }
        }
    }

    private static ObjectNode exception(ArrayNode exceptions, String id, String type, String message, boolean remote) {
        ObjectNode e = exceptions.addObject();
        e.put("id", id);
        if (type != null) e.put("type", type);
        if (message != null) e.put("message", message);
        if (remote) e.put("remote", true);
        return e;
    }

    private static void frame(ObjectNode exception, String path, int line, String label) {
        ArrayNode stack = exception.has("stack") ? (ArrayNode) exception.get("stack") : exception.putArray("stack");
        stack.addObject().put("path", path).put("line", line).put("label", label);
    }

    private static void java(ArrayNode exceptions, ObjectNode first, String stack, String spanId, int index, boolean remote) {
        String[] lines = stack.split("\r?\n");
        ObjectNode current = first;
        int chained = 0;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("\tat ") && line.endsWith(")") && line.indexOf('(') > 0) {
                int paren = line.indexOf('(');
                String label = line.substring(4, paren);
                int slash = label.indexOf('/');
                if (slash >= 0) label = label.substring(slash + 1); // class loader or module
                String path = line.substring(paren + 1, line.length() - 1);
                int colon = path.indexOf(':');
                int number = 0;
                if (colon >= 0) {
                    number = parseInt(path.substring(colon + 1));
                    path = path.substring(0, colon);
                }
                frame(current, path, number, label);
            } else if (line.startsWith("Caused by: ")) {
                String type = line.substring("Caused by: ".length());
                String message = "";
                int colon = type.indexOf(':');
                if (colon >= 0) {
                    message = type.substring(Math.min(type.length(), colon + 2));
                    type = type.substring(0, colon);
                }
                ObjectNode cause = exception(exceptions, id(spanId, index * 100 + ++chained), type, message, remote);
                current.put("cause", cause.get("id").asText());
                current = cause;
            }
        }
    }

    private static void python(ArrayNode exceptions, ObjectNode first, String stack, String spanId, int index, boolean remote) {
        String[] lines = stack.split("\n");
        ObjectNode current = first;
        int chained = 0;
        for (int i = lines.length - 2; i >= 0; i--) { // the last line is the exception itself
            String line = lines[i];
            if (line.startsWith("  File ")) {
                String[] parts = line.split(",", 3);
                if (parts.length == 3 && parts[0].length() > 9) {
                    String file = parts[0].substring(8, parts[0].length() - 1);
                    int number = parts[1].startsWith(" line ") ? parseInt(parts[1].substring(6)) : 0;
                    String label = parts[2].startsWith(" in ") ? parts[2].substring(4) : "";
                    frame(current, file, number, label);
                }
            } else if (line.startsWith("During handling of the above exception, another exception occurred:")
                    || line.startsWith("The above exception was the direct cause of the following exception:")) {
                int end = i - 1; // the blank line before it; the cause's own line ends its part
                while (end > 0 && lines[end].isBlank()) end--;
                String causeLine = lines[end];
                int colon = causeLine.indexOf(':');
                String type = colon >= 0 ? causeLine.substring(0, colon) : causeLine;
                String message = colon >= 0 ? causeLine.substring(Math.min(causeLine.length(), colon + 2)) : "";
                ObjectNode cause = exception(exceptions, id(spanId, index * 100 + ++chained), type, message, remote);
                current.put("cause", cause.get("id").asText());
                current = cause;
                i = end; // the loop's i-- goes on with the cause's frames
            }
        }
    }

    private static void javascript(ObjectNode first, String stack) {
        String[] lines = stack.split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (!line.startsWith("    at ")) continue;
            int paren = line.indexOf('(');
            String label = "";
            String path;
            if (paren >= 0 && line.endsWith(")")) {
                label = line.substring(7, paren).strip();
                path = line.substring(paren + 1, line.length() - 1);
            } else if (paren < 0) {
                path = line.substring(7);
            } else {
                continue;
            }
            int number = 0;
            int firstColon = path.indexOf(':', path.startsWith("file://") ? 7 : 0);
            int secondColon = firstColon < 0 ? -1 : path.indexOf(':', firstColon + 1);
            if (firstColon >= 0 && secondColon > firstColon) {
                number = parseInt(path.substring(firstColon + 1, secondColon));
                path = path.substring(0, firstColon);
            } else if (firstColon < 0 && path.contains("native")) {
                path = "native";
            }
            if (!path.isEmpty() || !label.isEmpty() || number != 0) frame(first, path, number, label);
        }
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
