package systems.rala.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import systems.rala.edge.config.GatewayConfig;
import systems.rala.edge.plant.VirtualPlant;
import systems.rala.runtime.tick.TickRecord;
import systems.rala.runtime.wire.ControlMode;
import systems.rala.twin.tomato.TomatoModel;

/** The README's embedding example, against the virtual plant, without a broker. */
class GatewayEmbeddingTest {

    @TempDir
    Path dir;

    @Test
    void aGatewayEmbeddedInAnotherProgramControlsThePlant() throws Exception {
        TestSites.Ports ports = TestSites.Ports.free();
        try (VirtualPlant plant =
                new VirtualPlant(TestSites.plant(dir.resolve("plant"), ports, "2030-01-15T02:00", 2, 600))) {
            plant.start(); // ten minutes of twin per second
            GatewayConfig config = TestSites.gateway(dir.resolve("gw"), ports, """
                    { "tick": "200ms", "clockPoint": "site_clock", "timezone": "+01:00", "maxAge": "30m" }
                    """, null);
            // as in edge/README.md, "Embedding a gateway"
            try (Gateway gateway = new Gateway(config)) {
                gateway.start();
                long deadline = System.currentTimeMillis() + 20_000;
                while (gateway.loop().ticks() < 10 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                }
                TickRecord last = gateway.loop().lastRecord();
                String acting = gateway.loop().policyVersion();
                assertThat(acting).isNull();
                assertThat(last.mode()).isEqualTo(ControlMode.FALLBACK);
                // a January night at 02:00: the rule-based controller heats, the safety layer lets the valve open
                // at 1/120 per second of plant time, and the plant's boiler input follows what was written
                assertThat(last.safeCommands().get("uBoil")).isGreaterThan(0.5);
                assertThat(plant.input(TomatoModel.U_BOIL)).isGreaterThan(0.5);
            }
        }
    }
}
