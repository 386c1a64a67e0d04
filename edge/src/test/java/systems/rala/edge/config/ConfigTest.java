package systems.rala.edge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import systems.rala.edge.TestSites;
import systems.rala.edge.plant.PlantConfig;
import systems.rala.edge.queue.Fsync;

/** The configuration files: the shipped examples load; every mistake is named with its file, field and value. */
class ConfigTest {

    @TempDir
    Path dir;

    Path points(String pointsJson) {
        return TestSites.write(dir.resolve("points.json"), "{ \"points\": [" + pointsJson + "] }");
    }

    static final String AIR = """
            { "name": "air_temperature", "unit": "°C", "device": "plc", "access": "read",
              "modbus": { "table": "input", "register": 0 }, "type": "int16", "scale": 0.01, "min": -20, "max": 60 }
            """;

    @Test
    void theShippedExamplesLoad() throws Exception {
        Path ex = Path.of("../examples/edge");
        PointMap points = PointMap.load(ex.resolve("points.json"));
        assertThat(points.readable())
                .extracting(PointSpec::name)
                .contains("air_temperature", "outdoor_temperature", "site_clock", "uRoof");
        assertThat(points.writable())
                .extracting(PointSpec::name)
                .containsExactly("uBoil", "uBoilGro", "uRoof", "uExtCo2", "uLamp", "uIntLamp", "uThScr", "uBlScr");
        PointSpec roof = points.point("uRoof").orElseThrow();
        assertThat(roof.type()).isEqualTo(DataType.FLOAT32);
        assertThat(roof.address()).isEqualTo(new BusAddress.Modbus(BusAddress.ModbusTable.HOLDING, 102, -1));
        assertThat(points.point("uLamp").orElseThrow().type()).isEqualTo(DataType.BOOL);
        assertThat(points.point("outdoor_temperature").orElseThrow().address())
                .isEqualTo(new BusAddress.Bacnet(BusAddress.BacnetObject.ANALOG_INPUT, 1));
        PlantConfig plant = PlantConfig.load(ex.resolve("plant.json"));
        assertThat(plant.speed()).isEqualTo(60);
        assertThat(plant.devices()).containsKeys("plc", "weather");
        // the example gateway reads its secret from a file that is not shipped: no default secret
        Path copy = dir.resolve("ex");
        Files.createDirectories(copy);
        for (String f : new String[] {"points.json", "gateway.json"}) {
            Files.copy(ex.resolve(f), copy.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        assertThatThrownBy(() -> GatewayConfig.load(copy.resolve("gateway.json")))
                .hasMessageContaining("mqtt.secretFile")
                .hasMessageContaining("cannot be read");
        Files.writeString(copy.resolve("gateway.secret"), "s3cret\n");
        String text = Files.readString(copy.resolve("gateway.json"))
                .replace("REPLACE-WITH-THE-FACILITY-ID", "3f0c6d4e-9a51-4c1e-8d0b-5e2f7a9c1b34")
                .replace("REPLACE-WITH-THE-CLIENT-ID", "gw-0123456789abcdef0123");
        Files.writeString(copy.resolve("gateway.json"), text);
        // a BACnet device broadcasts to a subnet's address only, never the all-ones limited broadcast
        String allOnes = String.join(".", "255", "255", "255", "255");
        Files.writeString(copy.resolve("gateway.json"), text.replace("127.255.255.255", allOnes));
        assertThatThrownBy(() -> GatewayConfig.load(copy.resolve("gateway.json")))
                .hasMessageContaining("broadcast")
                .hasMessageContaining("limited broadcast is refused");
        Files.writeString(copy.resolve("gateway.json"), text.replace("127.255.255.255", "127.255.255"));
        assertThatThrownBy(() -> GatewayConfig.load(copy.resolve("gateway.json")))
                .hasMessageContaining("not a dotted IPv4 address");
        Files.writeString(copy.resolve("gateway.json"), text);
        GatewayConfig g = GatewayConfig.load(copy.resolve("gateway.json"));
        assertThat(g.gatewayId()).isEqualTo("gw-0123456789abcdef0123");
        assertThat(g.mqtt().secret()).containsExactly("s3cret".toCharArray());
        assertThat(g.mqtt().toString()).doesNotContain("s3cret");
        assertThat(g.control().tick()).isEqualTo(Duration.ofSeconds(5));
        assertThat(g.control().standardOffset()).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(g.store().bulk().fsync()).isEqualTo(Fsync.INTERVAL);
        assertThat(g.store().dir()).isEqualTo(copy.toAbsolutePath().resolve("gateway-data"));
    }

    @Test
    void pointMapMistakesNameTheFieldAndTheValue() {
        assertThatThrownBy(() -> PointMap.load(points(AIR.replace("\"scale\": 0.01", "\"scale\": 0.01, \"scael\": 1"))))
                .hasMessageContaining("points[0]: unknown field scael");
        assertThatThrownBy(() -> PointMap.load(points(AIR.replace("int16", "int17"))))
                .hasMessageContaining(
                        "points[0].type: 'int17' is not one of int16, uint16, int32, uint32, float32, bool");
        assertThatThrownBy(() -> PointMap.load(points(AIR + "," + AIR)))
                .hasMessageContaining("points[1].name: 'air_temperature' is defined twice");
        assertThatThrownBy(() -> PointMap.load(points(AIR + ","
                        + AIR.replace("air_temperature", "air_t2")
                                .replace("int16", "float32")
                                .replace("\"register\": 0", "\"register\": 0"))))
                .hasMessageContaining("air_t2 overlaps air_temperature");
        // -20..60 °C at 0.001 °C per count needs raw -20000..60000: beyond int16
        assertThatThrownBy(() -> PointMap.load(points(AIR.replace("0.01", "0.001"))))
                .hasMessageContaining("points[0].min")
                .hasMessageContaining("outside int16's [-32768.0, 32767.0]");
        assertThatThrownBy(() -> PointMap.load(points(AIR.replace("\"access\": \"read\"", "\"access\": \"write\""))))
                .hasMessageContaining("points[0].access: 'write' on the read-only input table");
        assertThatThrownBy(() -> PointMap.load(points(AIR.replace("\"max\": 60", "\"max\": -30"))))
                .hasMessageContaining("points[0].max: -30.0 is not above min -20.0");
        assertThatThrownBy(() -> PointMap.load(points(AIR.replace("\"register\": 0", "\"register\": 70000"))))
                .hasMessageContaining("points[0].modbus.register: 70000 is outside [0, 65535]");
        assertThatThrownBy(() -> PointMap.load(points("""
                { "name": "uLamp", "unit": "-", "device": "plc", "access": "write",
                  "modbus": { "table": "coil", "register": 0 }, "type": "uint16", "min": 0, "max": 1 }
                """)))
                .hasMessageContaining("points[0].type: 'uint16' on a coil table: bits are type bool");
        assertThatThrownBy(() -> PointMap.load(points("""
                { "name": "t", "unit": "°C", "device": "bms", "access": "read_write",
                  "bacnet": { "object": "analog_input", "instance": 3 }, "min": 0, "max": 1 }
                """))).hasMessageContaining("'read_write' on an input object");
        assertThatThrownBy(() -> PointMap.load(points(AIR.replace("}\n", ", \"staleAfter\": \"soon\" }\n"))))
                .hasMessageContaining("points[0].staleAfter: 'soon' is not a duration");
        assertThatThrownBy(() -> PointMap.load(dir.resolve("missing.json"))).hasMessageContaining("no such file");
        assertThatThrownBy(() -> PointMap.load(TestSites.write(dir.resolve("bad.json"), "{ \"points\": [ }")))
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void gatewayMistakesNameTheFieldAndTheValue() {
        points(AIR);
        String base = """
                { "gateway": "gw-1", "pointMap": "points.json",
                  "devices": { "plc": { "protocol": "modbus_tcp", "host": "127.0.0.1", "port": 5020 } }%s }
                """;
        Path f = dir.resolve("gw.json");
        assertThat(GatewayConfig.load(TestSites.write(f, base.formatted(""))).mqtt())
                .isNull();
        assertThatThrownBy(() ->
                        GatewayConfig.load(TestSites.write(f, base.formatted(",\"control\": {\"tick\": \"0s\"}"))))
                .hasMessageContaining("control.tick: 0s is outside");
        assertThatThrownBy(() -> GatewayConfig.load(
                        TestSites.write(f, base.formatted(",\"control\": {\"tick\": \"10m\", \"maxAge\": \"5m\"}"))))
                .hasMessageContaining("control.maxAge: PT5M is not longer than the tick PT10M");
        assertThatThrownBy(() -> GatewayConfig.load(
                        TestSites.write(f, base.formatted(",\"control\": {\"clockPoint\": \"air_temperature\"}"))))
                .hasMessageContaining("control.clockPoint: air_temperature must be a read point in unit s");
        assertThatThrownBy(
                        () -> GatewayConfig.load(
                                TestSites.write(
                                        f,
                                        base.formatted(
                                                ",\"facility\": \"f\", \"mqtt\": {\"url\": \"tcp://127.0.0.1:1884\", \"clientId\": \"gw-1\"}"))))
                .hasMessageContaining("mqtt.secret: is missing")
                .hasMessageContaining("no default");
        assertThatThrownBy(
                        () -> GatewayConfig.load(
                                TestSites.write(
                                        f,
                                        base.formatted(
                                                ",\"facility\": \"f\", \"mqtt\": {\"url\": \"http://x\", \"clientId\": \"gw-1\", \"secret\": \"s\"}"))))
                .hasMessageContaining("mqtt.url: 'http://x' is not tcp://host:port or ssl://host:port");
        assertThatThrownBy(
                        () -> GatewayConfig.load(
                                TestSites.write(
                                        f,
                                        base.formatted(
                                                ",\"facility\": \"f\", \"mqtt\": {\"url\": \"tcp://h:1\", \"clientId\": \"gw/1\", \"secret\": \"s\"}"))))
                .hasMessageContaining("gateway")
                .hasMessageContaining("gw/1");
        assertThatThrownBy(() -> GatewayConfig.load(TestSites.write(
                        f, base.formatted(",\"store\": {\"maxBytes\": 100000, \"segmentBytes\": 65536}"))))
                .hasMessageContaining("store.maxBytes")
                .hasMessageContaining("below two segments");
        assertThatThrownBy(() -> GatewayConfig.load(
                        TestSites.write(f, base.replace("plc\": {", "plx\": {").formatted(""))))
                .hasMessageContaining("no device 'plc', which point air_temperature is on");
    }

    @Test
    void durationsTakeUnitsOrIso8601() {
        assertThat(JsonFields.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(JsonFields.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(JsonFields.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(JsonFields.parseDuration("1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(JsonFields.parseDuration("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> JsonFields.parseDuration("-5s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonFields.parseDuration("5 minutes")).isInstanceOf(IllegalArgumentException.class);
    }
}
