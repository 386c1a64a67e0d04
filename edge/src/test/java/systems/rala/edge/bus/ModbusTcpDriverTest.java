package systems.rala.edge.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import systems.rala.edge.TestSites;
import systems.rala.edge.config.Access;
import systems.rala.edge.config.BusAddress;
import systems.rala.edge.config.DataType;
import systems.rala.edge.config.DeviceConfig;
import systems.rala.edge.config.PointMap;
import systems.rala.edge.config.PointSpec;
import systems.rala.edge.config.WordOrder;
import systems.rala.edge.plant.VirtualPlant;
import systems.rala.twin.tomato.TomatoModel;

/** The Modbus TCP driver against the virtual plant's Modbus slave on 127.0.0.1, and against a silent server. */
class ModbusTcpDriverTest {

    @TempDir
    static Path dir;

    static VirtualPlant plant;
    static PointMap points;
    static int port;

    @BeforeAll
    static void startPlant() {
        TestSites.Ports ports = TestSites.Ports.free();
        plant = new VirtualPlant(TestSites.plant(dir, ports, "2030-01-15T10:00", 2, 1));
        plant.start(true);
        plant.advance(3600); // an hour of the twin, so that the state has moved off its initial values
        points = plant.config().pointMap();
        port = ports.modbus();
    }

    @AfterAll
    static void stopPlant() {
        plant.close();
    }

    static DeviceConfig device(int port, Duration timeout) {
        return DeviceConfig.modbus("plc", "127.0.0.1", port, 1, timeout);
    }

    /** Half a count of the point's raw type: the most a register value can be off the plant's. */
    static double quantum(PointSpec p) {
        return p.type() == DataType.FLOAT32 ? Math.abs(plant.value(p.name())) * 1e-7 + 1e-9 : Math.abs(p.scale()) / 2;
    }

    @Test
    void readsEveryPointAsThePlantHasIt_inFourRequests() {
        try (ModbusTcpDriver d = new ModbusTcpDriver(device(port, Duration.ofSeconds(2)))) {
            List<PointSpec> read = points.onDevice("plc").stream()
                    .filter(p -> p.access().readable())
                    .toList();
            List<ReadResult> results = d.read(read);
            assertThat(results).hasSize(read.size());
            for (ReadResult r : results) {
                assertThat(r).as(r.point().name()).isInstanceOf(ReadResult.Value.class);
                double v = ((ReadResult.Value) r).value();
                assertThat(v)
                        .as(r.point().name())
                        .isCloseTo(plant.value(r.point().name()), within(quantum(r.point())));
            }
            // input 0..6 and 10..11 (the plant, like many PLCs, refuses unmapped 7..9), holding 100..104, coils 0..1
            assertThat(d.requests()).isEqualTo(4);
            assertThat(d.connects()).isEqualTo(1);
            // the air is no longer at the initial 16.5 °C after an hour of a winter morning with nothing on
            double air = ((ReadResult.Value) results.get(0)).value();
            assertThat(air).isNotCloseTo(16.5, within(0.05));
            // the site clock is the plant's, to the second
            double clock = results.stream()
                    .filter(r -> r.point().name().equals("site_clock"))
                    .mapToDouble(r -> ((ReadResult.Value) r).value())
                    .findFirst()
                    .orElseThrow();
            assertThat(clock).isEqualTo(plant.siteTime().getEpochSecond());
        }
    }

    @Test
    void writesReachTheModelInputs() {
        try (ModbusTcpDriver d = new ModbusTcpDriver(device(port, Duration.ofSeconds(2)))) {
            PointSpec roof = points.point("uRoof").orElseThrow(); // float32 in %
            PointSpec boil = points.point("uBoil").orElseThrow(); // uint16 at 1e-4
            PointSpec lamp = points.point("uLamp").orElseThrow(); // coil
            assertThat(d.write(roof, 37.5)).isEqualTo(new WriteResult.Written(roof, 37.5));
            assertThat(d.write(boil, 0.42)).isInstanceOf(WriteResult.Written.class);
            assertThat(d.write(lamp, 1)).isEqualTo(new WriteResult.Written(lamp, 1));
            plant.advance(60); // the next step takes the new inputs
            assertThat(plant.input(TomatoModel.U_ROOF)).isEqualTo(0.375);
            assertThat(plant.input(TomatoModel.U_BOIL)).isCloseTo(0.42, within(1e-12));
            assertThat(plant.input(TomatoModel.U_LAMP)).isEqualTo(1.0);
            List<ReadResult> back = d.read(List.of(roof, boil, lamp));
            assertThat(back)
                    .extracting(r -> ((ReadResult.Value) r).value())
                    .containsExactly(37.5, 4200 * 1e-4, 1.0); // 4200 counts of 1e-4
            // a value the register cannot hold is refused before it is sent: 70000 counts of uint16
            assertThat(d.write(boil, 7)).isInstanceOf(WriteResult.Failure.class);
            d.write(roof, 0);
            d.write(boil, 0);
            d.write(lamp, 0);
        }
    }

    @Test
    void anUnmappedRegisterFailsOnlyItsOwnPoints() {
        PointSpec ghost = new PointSpec(
                "ghost",
                "-",
                "",
                "plc",
                Access.READ,
                new BusAddress.Modbus(BusAddress.ModbusTable.INPUT, 500, -1),
                DataType.UINT16,
                WordOrder.ABCD,
                1,
                0,
                0,
                100,
                true,
                null,
                Double.NaN);
        PointSpec air = points.point("air_temperature").orElseThrow();
        try (ModbusTcpDriver d = new ModbusTcpDriver(device(port, Duration.ofSeconds(2)))) {
            List<ReadResult> r = d.read(List.of(ghost, air));
            assertThat(r.get(0)).isInstanceOf(ReadResult.Failure.class);
            assertThat(((ReadResult.Failure) r.get(0)).reason()).contains("device refused");
            assertThat(r.get(1)).isInstanceOf(ReadResult.Value.class);
            assertThat(d.connects())
                    .as("an exception answer keeps the connection")
                    .isEqualTo(1);
        }
    }

    @Test
    void aTimedOutTransactionForcesAReconnect() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket()) {
            silent.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept()); // accept and never answer
                        accepted.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            PointSpec air = points.point("air_temperature").orElseThrow();
            try (ModbusTcpDriver d = new ModbusTcpDriver(device(silent.getLocalPort(), Duration.ofMillis(300)))) {
                long t0 = System.nanoTime();
                ReadResult first = d.read(List.of(air)).get(0);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertThat(first).isInstanceOf(ReadResult.Failure.class);
                assertThat(((ReadResult.Failure) first).reason()).contains("connection closed");
                assertThat(ms).as("one try within the timeout, not three").isLessThan(1500);
                assertThat(d.read(List.of(air)).get(0)).isInstanceOf(ReadResult.Failure.class);
                assertThat(d.connects()).isEqualTo(2);
            }
            long deadline = System.currentTimeMillis() + 2000;
            while (accepted.get() < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertThat(accepted.get())
                    .as("a new TCP connection after the timeout")
                    .isEqualTo(2);
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
