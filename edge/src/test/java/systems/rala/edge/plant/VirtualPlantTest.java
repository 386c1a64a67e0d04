package systems.rala.edge.plant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import systems.rala.edge.TestSites;
import systems.rala.edge.config.ConfigException;
import systems.rala.twin.tomato.TomatoModel;

class VirtualPlantTest {

    @TempDir
    Path dir;

    @Test
    void theSiteClockIsThePlantsLocalStandardTimeAsAnInstant() {
        try (VirtualPlant p =
                new VirtualPlant(TestSites.plant(dir, TestSites.Ports.free(), "2030-01-15T10:00", 2, 1))) {
            // Amsterdam's standard time is UTC+1 (Site.AMSTERDAM)
            assertThat(p.siteTime()).isEqualTo(Instant.parse("2030-01-15T09:00:00Z"));
            assertThat(p.value("site_clock"))
                    .isEqualTo(Instant.parse("2030-01-15T09:00:00Z").getEpochSecond());
            p.advance(90);
            assertThat(p.siteTime()).isEqualTo(Instant.parse("2030-01-15T09:01:30Z"));
            assertThat(p.steps()).as("90 s in steps of at most 60 s").isEqualTo(2);
        }
    }

    @Test
    void whatTheGatewayWritesDrivesTheModel_heatingWarmsTheAir() {
        double heated;
        double cold;
        try (VirtualPlant p =
                new VirtualPlant(TestSites.plant(dir.resolve("a"), TestSites.Ports.free(), "2030-01-15T02:00", 2, 1))) {
            p.write("uBoil", 1.0);
            p.write("uRoof", 0.0);
            p.advance(3600);
            assertThat(p.input(TomatoModel.U_BOIL)).isEqualTo(1.0);
            heated = p.value("air_temperature");
        }
        try (VirtualPlant p =
                new VirtualPlant(TestSites.plant(dir.resolve("b"), TestSites.Ports.free(), "2030-01-15T02:00", 2, 1))) {
            p.advance(3600);
            assertThat(p.input(TomatoModel.U_BOIL)).isEqualTo(0.0);
            cold = p.value("air_temperature");
        }
        // an hour of full pipe heating on a January night against none: several kelvin (GreenLight's pipes give
        // ~100 W/m2 and more at full boiler; 1 K is a floor that any working coupling clears)
        assertThat(heated - cold).isGreaterThan(1.0);
    }

    @Test
    void uRoofInPerCentIsTheModelsFraction() {
        try (VirtualPlant p =
                new VirtualPlant(TestSites.plant(dir, TestSites.Ports.free(), "2030-06-15T12:00", 2, 1))) {
            p.write("uRoof", 25); // the example map has the vents in per cent
            p.advance(60);
            assertThat(p.input(TomatoModel.U_ROOF)).isCloseTo(0.25, within(1e-12));
            assertThat(p.value("uRoof")).isEqualTo(25);
            assertThatThrownBy(() -> p.write("air_temperature", 20)).hasMessageContaining("read-only");
        }
    }

    @Test
    void atSpeed600TheTwinRunsTenMinutesPerSecond() throws Exception {
        try (VirtualPlant p =
                new VirtualPlant(TestSites.plant(dir, TestSites.Ports.free(), "2030-06-15T12:00", 2, 600))) {
            p.start();
            Thread.sleep(2000);
            double sim = p.simTime();
            // 2 s of wall time are 1200 s of simulated time, in 60 s steps: at most one step ahead; behind by the
            // thread's start and a busy machine (half a second of wall time allowed)
            assertThat(sim).isBetween(1200.0 - 300, 1200.0 + 60);
            // the clock moves between steps too: 50 ms of wall time are 30 s of plant time
            double c0 = p.value("site_clock");
            Thread.sleep(50);
            assertThat(p.value("site_clock")).isGreaterThan(c0);
        }
    }

    @Test
    void aPointTheTwinCannotServeIsNamedWithTheSignalsItHas() throws Exception {
        PlantConfig c = TestSites.plant(dir, TestSites.Ports.free(), "2030-06-15T12:00", 2, 1);
        java.nio.file.Files.writeString(dir.resolve("points.json"), """
                { "points": [ { "name": "leaf_wetness", "unit": "-", "device": "plc", "access": "read",
                    "modbus": { "table": "input", "register": 0 }, "type": "uint16", "min": 0, "max": 1 } ] }
                """);
        PlantConfig bad = PlantConfig.load(dir.resolve("plant.json"));
        assertThatThrownBy(() -> new VirtualPlant(bad))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("leaf_wetness: the twin has no such signal")
                .hasMessageContaining("air_temperature");
        assertThat(c.pointMap().points()).isNotEmpty();
    }
}
