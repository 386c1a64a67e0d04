package systems.rala.edge.bacnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import systems.rala.edge.TestSites;
import systems.rala.edge.bus.Drivers;
import systems.rala.edge.bus.FieldBusDriver;
import systems.rala.edge.bus.ReadResult;
import systems.rala.edge.bus.WriteResult;
import systems.rala.edge.config.Access;
import systems.rala.edge.config.BusAddress;
import systems.rala.edge.config.DataType;
import systems.rala.edge.config.DeviceConfig;
import systems.rala.edge.config.PointMap;
import systems.rala.edge.config.PointSpec;
import systems.rala.edge.config.WordOrder;
import systems.rala.edge.plant.VirtualPlant;
import systems.rala.twin.tomato.TomatoModel;

/**
 * The BACnet/IP driver against the virtual plant's BACnet device, both bound to 127.0.0.1 and broadcasting to
 * 127.255.255.255 only.
 */
class BacnetIpDriverTest {

    @TempDir
    static Path dir;

    static VirtualPlant plant;
    static PointMap points;
    static int port;

    @BeforeAll
    static void startPlant() {
        TestSites.Ports ports = TestSites.Ports.free();
        plant = new VirtualPlant(TestSites.plant(dir, ports, "2030-06-15T12:00", 2, 1));
        plant.start(true);
        points = plant.config().pointMap();
        port = ports.bacnet();
    }

    @AfterAll
    static void stopPlant() {
        plant.close();
    }

    static FieldBusDriver driver(int remotePort, Duration timeout) {
        return Drivers.open(
                DeviceConfig.bacnet("weather", "127.0.0.1", remotePort, 1001, TestSites.freeUdpPort(), timeout));
    }

    @Test
    void readsAnalogObjectsAsThePlantHasThem() throws InterruptedException {
        Thread.sleep(3 * BacnetPlantDevice.REFRESH_MS); // the device has taken the plant's values
        try (FieldBusDriver d = driver(port, Duration.ofSeconds(2))) {
            assertThat(d).isInstanceOf(BacnetIpDriver.class);
            List<PointSpec> sensors = points.onDevice("weather").stream()
                    .filter(p -> !p.access().writable())
                    .toList();
            List<ReadResult> r = d.read(sensors);
            for (ReadResult x : r) {
                assertThat(x).as(x.point().name()).isInstanceOf(ReadResult.Value.class);
                double expected = plant.value(x.point().name());
                // BACnet REAL is single precision: 2^-23 relative
                assertThat(((ReadResult.Value) x).value())
                        .as(x.point().name())
                        .isCloseTo(expected, within(Math.abs(expected) * 1.2e-7 + 1e-30));
            }
            // a June noon in Amsterdam has sunshine
            double sun = plant.value("outdoor_global_radiation");
            assertThat(sun).isGreaterThan(50);
        }
    }

    @Test
    void writesAnalogAndBinaryValuesIntoTheModel() {
        try (FieldBusDriver d = driver(port, Duration.ofSeconds(2))) {
            PointSpec screen = points.point("uThScr").orElseThrow();
            PointSpec blackout = points.point("uBlScr").orElseThrow();
            assertThat(d.write(screen, 0.7)).isEqualTo(new WriteResult.Written(screen, (double) 0.7f));
            assertThat(d.write(blackout, 1)).isEqualTo(new WriteResult.Written(blackout, 1));
            plant.advance(60);
            assertThat(plant.input(TomatoModel.U_TH_SCR)).isEqualTo((double) 0.7f);
            assertThat(plant.input(TomatoModel.U_BL_SCR)).isEqualTo(1.0);
            assertThat(d.read(List.of(screen, blackout)))
                    .extracting(x -> ((ReadResult.Value) x).value())
                    .containsExactly((double) 0.7f, 1.0);
            d.write(screen, 0);
            d.write(blackout, 0);
        }
    }

    @Test
    void anUnknownObjectFailsItsPointOnly() {
        PointSpec ghost = new PointSpec(
                "ghost",
                "-",
                "",
                "weather",
                Access.READ,
                new BusAddress.Bacnet(BusAddress.BacnetObject.ANALOG_VALUE, 999),
                DataType.FLOAT32,
                WordOrder.ABCD,
                1,
                0,
                0,
                1,
                true,
                null,
                Double.NaN);
        try (FieldBusDriver d = driver(port, Duration.ofSeconds(2))) {
            List<ReadResult> r =
                    d.read(List.of(ghost, points.point("outdoor_temperature").orElseThrow()));
            assertThat(r.get(0)).isInstanceOf(ReadResult.Failure.class);
            assertThat(((ReadResult.Failure) r.get(0)).reason()).contains("refused");
            assertThat(r.get(1)).isInstanceOf(ReadResult.Value.class);
        }
    }

    @Test
    void aSilentDeviceCostsOneTimeoutPerRead() {
        int nobody = TestSites.freeUdpPort();
        try (FieldBusDriver d = driver(nobody, Duration.ofMillis(300))) {
            List<PointSpec> sensors = points.onDevice("weather").stream()
                    .filter(p -> !p.access().writable())
                    .toList();
            long t0 = System.nanoTime();
            List<ReadResult> r = d.read(sensors);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r).allSatisfy(x -> assertThat(x).isInstanceOf(ReadResult.Failure.class));
            assertThat(((ReadResult.Failure) r.get(0)).reason()).contains("did not answer within 300 ms");
            assertThat(((ReadResult.Failure) r.get(1)).reason()).startsWith("skipped");
            assertThat(ms).isLessThan(300L * sensors.size());
        }
    }
}
