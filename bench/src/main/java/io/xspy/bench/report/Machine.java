package io.xspy.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a result was measured on: cores, CPU model and the JDK that ran it. */
record Machine(int cores, String cpu, String jdk) {

    static Machine here() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).strip().replaceAll("\\s+", " ");
                    break;
                }
            }
        } catch (IOException e) {
            // not Linux: the model stays unknown, the rest is still true
        }
        String jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
        return new Machine(Runtime.getRuntime().availableProcessors(), cpu, jdk);
    }

    static Machine of(JsonNode json) {
        return new Machine(json.path("cores").asInt(), json.path("cpu").asText(), json.path("jdk").asText());
    }

    ObjectNode toJson() {
        ObjectNode m = Record.JSON.createObjectNode();
        m.put("cores", cores);
        m.put("cpu", cpu);
        m.put("jdk", jdk);
        return m;
    }

    String describe() {
        return cores + " cores, " + cpu + ", " + jdk;
    }
}
