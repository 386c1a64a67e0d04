package systems.rala.train.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes KPIs as JSON: the KPI names at the top level, the run's description under {@code run}. */
public final class KpiFiles {

    static final ObjectMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private KpiFiles() {}

    /** Writes {@code kpis} and {@code run} to {@code file}; NaN becomes null. */
    public static void write(Path file, Map<String, Object> kpis, Map<String, Object> run) {
        ObjectNode root = MAPPER.createObjectNode();
        put(root, kpis);
        ObjectNode r = root.putObject("run");
        put(r, run);
        try {
            Files.writeString(file, MAPPER.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void put(ObjectNode o, Map<String, ?> m) {
        for (Map.Entry<String, ?> e : m.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Double d) {
                if (Double.isFinite(d)) {
                    o.put(e.getKey(), d);
                } else {
                    o.putNull(e.getKey());
                }
            } else if (v instanceof Number n) {
                o.put(e.getKey(), n.doubleValue());
            } else if (v instanceof Map<?, ?> sub) {
                put(o.putObject(e.getKey()), (Map<String, ?>) sub);
            } else if (v instanceof List<?> list) {
                ArrayNode a = o.putArray(e.getKey());
                list.forEach(x -> a.add(String.valueOf(x)));
            } else {
                o.put(e.getKey(), String.valueOf(v));
            }
        }
    }
}
