package systems.rala.runtime.tick;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import systems.rala.runtime.control.Point;
import systems.rala.runtime.policy.DecisionPolicy;
import systems.rala.runtime.policy.PolicyManifest;
import systems.rala.runtime.testing.ReadmeJava;
import systems.rala.runtime.wire.AuditRecord;
import systems.rala.runtime.wire.ControlMode;

/** The "The control tick" section of {@code policy-runtime/README.md}: its example compiles and runs. */
class ControlTickReadmeTest {

    /** A set-point policy reading the air temperature and CO2: 19 °C heating, 25 °C venting, 900 ppm, lamps on. */
    public static final DecisionPolicy POLICY = new DecisionPolicy() {
        @Override
        public PolicyManifest manifest() {
            return new PolicyManifest(
                    PolicyManifest.VERSION,
                    "GreenhouseTomato-v0",
                    "",
                    List.of(new Point("air_temperature", "C", "", -10, 50), new Point("air_co2", "ppm", "", 0, 3000)),
                    List.of(
                            new Point("heating_setpoint", "C", "", 10, 25),
                            new Point("ventilation_setpoint", "C", "", 15, 35),
                            new Point("co2_setpoint", "ppm", "", 400, 1600),
                            new Point("lamps", "-", "", 0, 1)),
                    "none",
                    "readme",
                    1,
                    "abc",
                    "0".repeat(64));
        }

        @Override
        public void act(double[] observation, double[] action) {
            action[0] = 19;
            action[1] = 25;
            action[2] = 900;
            action[3] = 1;
        }
    };

    @Test
    void exampleCompilesAndThePolicyActsThroughTheSafetyLayer(@TempDir Path dir) throws Exception {
        String example = ReadmeJava.block("## The control tick", "java");
        String source = """
                package readme;

                import java.time.Duration;
                import java.time.Instant;
                import systems.rala.runtime.observation.ReadingStore;
                import systems.rala.runtime.policy.DecisionPolicy;
                import systems.rala.runtime.safety.SafetyConfig;
                import systems.rala.runtime.safety.SafetyLayer;
                import systems.rala.runtime.safety.SafetyLayerStage;
                import systems.rala.runtime.tick.ControlTick;
                import systems.rala.runtime.tick.TickRecord;
                import systems.rala.runtime.wire.AuditRecord;
                import systems.rala.runtime.wire.MessageIds;

                public final class TickExample {
                    public static Object[] run(DecisionPolicy policy) {
                """ + example + """
                        return new Object[] {record, commands, audit};
                    }
                }
                """;
        Object[] result;
        try (URLClassLoader loader = ReadmeJava.compile(dir, "TickExample", source)) {
            result = (Object[]) loader.loadClass("readme.TickExample")
                    .getMethod("run", DecisionPolicy.class)
                    .invoke(null, POLICY);
        }
        TickRecord record = (TickRecord) result[0];
        double[] commands = (double[]) result[1];
        AuditRecord audit = (AuditRecord) result[2];
        assertThat(record.mode()).isEqualTo(ControlMode.POLICY);
        assertThat(record.observation()).containsEntry("air_temperature", 18.0).containsEntry("air_co2", 650.0);
        assertThat(commands).hasSize(8);
        // 18 °C against a 19 °C heating set-point: the boiler heats; lamps on as the policy asked
        assertThat(record.safeCommands().get("uBoil")).isGreaterThan(0.5);
        assertThat(record.safeCommands()).containsEntry("uLamp", 1.0);
        assertThat(audit.safeAction()).isEqualTo(record.safeCommands());
    }
}
