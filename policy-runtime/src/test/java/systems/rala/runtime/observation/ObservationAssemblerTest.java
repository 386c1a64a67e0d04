package systems.rala.runtime.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import systems.rala.runtime.control.Point;
import systems.rala.runtime.observation.ObservationAssembler.Assembly;
import systems.rala.runtime.observation.ObservationAssembler.Status;

class ObservationAssemblerTest {

    private static final long NOW = 1_800_000_000_000L;

    /** The climate part of GreenhouseTomato-v0's observation (names, units and bounds as its manifest). */
    private static final List<Point> CLIMATE = List.of(
            new Point("air_temperature", "C", "", -10, 50),
            new Point("air_relative_humidity", "%", "", 0, 100),
            new Point("air_co2", "ppm", "", 0, 3000),
            new Point("air_vpd", "kPa", "", -1, 8),
            new Point("outdoor_global_radiation", "W/m2", "", 0, 1400),
            new Point("hour_sin", "-", "", -1, 1),
            new Point("hour_cos", "-", "", -1, 1),
            new Point("year_sin", "-", "", -1, 1),
            new Point("year_cos", "-", "", -1, 1),
            new Point("last_heating_offset", "K", "", -5, 5));

    private static final List<Point> ACTIONS = List.of(new Point("heating_offset", "K", "", -5, 5));

    @Test
    void readingsInOtherUnitsAreConvertedAndDerivedValuesComputed() {
        ReadingStore store = new ReadingStore();
        store.put("air_temperature", 293.15, "K", NOW - 10_000);
        store.put("air_vapour_pressure", 11.69, "hPa", NOW - 20_000);
        store.put("air_co2", 800, "umol/mol", NOW);
        store.put("outdoor_global_radiation", 230, "µmol m-2 s-1", NOW);
        ObservationAssembler asm =
                ObservationAssembler.builder(CLIMATE, store).actions(ACTIONS).build();
        double[] o = new double[CLIMATE.size()];

        Assembly a = asm.assemble(NOW, 6 * 3600, 1, new double[] {1.5}, o);

        assertThat(a.ok()).as("%s", a.problems()).isTrue();
        assertThat(o[0]).isCloseTo(20.0, within(1e-9));
        // saturation vapour pressure at 20 °C is 2.339 kPa (WMO-No. 8 (2018) Table 4.A.2; CRC Handbook
        // "Vapor pressure of water"); 1169 Pa is half of it: 50 % RH, VPD 1.169 kPa
        assertThat(Units.saturationVapourPressure(20)).isCloseTo(2339, within(1.5));
        assertThat(o[1]).isCloseTo(50.0, within(0.05));
        assertThat(o[2]).isEqualTo(800);
        assertThat(o[3]).isCloseTo(1.169, within(0.002));
        // 230 µmol m-2 s-1 of PAR is 100 W m-2 of global radiation at 2.3 µmol/J (Vanthoor 2011 Table 8.1)
        assertThat(o[4]).isCloseTo(100.0, within(1e-9));
        // 06:00 on 1 January: a quarter of the day, the first day of the year
        assertThat(o[5]).isCloseTo(1.0, within(1e-12));
        assertThat(o[6]).isCloseTo(0.0, within(1e-12));
        assertThat(o[7]).isEqualTo(0.0);
        assertThat(o[8]).isEqualTo(1.0);
        assertThat(o[9]).isEqualTo(1.5);
        assertThat(a.ageMillis(1)).isEqualTo(20_000);
    }

    @Test
    void vpdFromRelativeHumidityWhenTheSiteMeasuresIt() {
        ReadingStore store = new ReadingStore();
        store.put("air_temperature", 25, "°C", NOW);
        store.put("air_relative_humidity", 60, "%", NOW);
        List<Point> obs = List.of(new Point("air_vpd", "kPa", "", -1, 8));
        double[] o = new double[1];
        ObservationAssembler.builder(obs, store).build().assemble(NOW, 0, 1, null, o);
        // e_s(25 °C) = 3.169 kPa (WMO-No. 8 Table 4.A.2): VPD = 0.4 × 3.169 = 1.268 kPa
        assertThat(o[0]).isCloseTo(1.268, within(0.002));
    }

    @Test
    void missingStaleAndNonFiniteReadingsAreReportedNeverZero() {
        ReadingStore store = new ReadingStore();
        store.register("air_temperature", "°C"); // never read
        store.put("air_relative_humidity", 70, "%", NOW - 600_000); // 10 minutes old
        store.put("air_co2", Double.NaN, "ppm", NOW);
        store.put("air_vapour_pressure", 1000, "Pa", NOW);
        List<Point> obs = CLIMATE.subList(0, 3);
        ObservationAssembler asm = ObservationAssembler.builder(obs, store)
                .maxAge("air_co2", Duration.ofMinutes(1))
                .build();
        double[] o = {-1, -1, -1};

        Assembly a = asm.assemble(NOW, 0, 1, null, o);

        assertThat(a.usable()).isFalse();
        assertThat(a.status(0)).isEqualTo(Status.MISSING);
        assertThat(a.status(1)).isEqualTo(Status.STALE);
        assertThat(a.status(2)).isEqualTo(Status.NOT_FINITE);
        assertThat(a.problems())
                .containsExactly(
                        "air_temperature MISSING", "air_relative_humidity STALE (age 600 s)", "air_co2 NOT_FINITE");
        // the slots hold the bounds' midpoints, only to keep the vector finite
        assertThat(o).containsExactly(20, 50, 1500);

        store.put("air_temperature", 21, "°C", NOW);
        store.put("air_relative_humidity", 70, "%", NOW);
        store.put("air_co2", 900, "ppm", NOW);
        assertThat(asm.assemble(NOW + 1000, 0, 1, null, o).ok()).isTrue();
    }

    @Test
    void valuesFarOutsideTheTrainingRangeAreFlaggedAndClipped() {
        ReadingStore store = new ReadingStore();
        List<Point> obs = List.of(new Point("air_co2", "ppm", "", 0, 3000));
        store.register("air_co2", "ppm");
        ObservationAssembler asm = ObservationAssembler.builder(obs, store).build();
        double[] o = new double[1];

        store.put("air_co2", 3100, "ppm", NOW); // within the 10 % margin: clipped, still OK
        assertThat(asm.assemble(NOW, 0, 1, null, o).ok()).isTrue();
        assertThat(o[0]).isEqualTo(3000);

        store.put("air_co2", 3400, "ppm", NOW);
        Assembly a = asm.assemble(NOW, 0, 1, null, o);
        assertThat(a.usable()).isTrue();
        assertThat(a.ok()).isFalse();
        assertThat(a.status(0)).isEqualTo(Status.OUT_OF_RANGE);
        assertThat(o[0]).isEqualTo(3000);
    }

    @Test
    void aSiteThatCannotFeedThePolicyIsRefusedNamingEveryGap() {
        ReadingStore store = new ReadingStore();
        store.register("air_temperature", "°C");
        store.register("air_co2", "%");
        assertThatThrownBy(() -> ObservationAssembler.builder(CLIMATE, store).build())
                .hasMessageContaining("air_relative_humidity: no reading of that name, and no air_temperature and "
                        + "air_vapour_pressure to derive it from (air_vapour_pressure is missing)")
                .hasMessageContaining("air_co2: the site reads it in '%', the policy expects 'ppm'")
                .hasMessageContaining("outdoor_global_radiation [W/m2]: no reading of that name")
                .hasMessageContaining("last_heating_offset [K]: no reading of that name and no action heating_offset");
        assertThatThrownBy(() -> store.register("air_temperature", "K"))
                .hasMessageContaining("registered in '°C', not 'K'");
        assertThatThrownBy(() -> Units.conversion("ppm", "W/m2")).hasMessageContaining("different quantities");
    }

    @Test
    void assemblingAllocatesNothing() {
        var threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "no com.sun.management.ThreadMXBean");
        var mx = (com.sun.management.ThreadMXBean) threads;
        assumeTrue(mx.isThreadAllocatedMemorySupported(), "thread allocation counting not supported");
        mx.setThreadAllocatedMemoryEnabled(true);
        ReadingStore store = new ReadingStore();
        int t = store.register("air_temperature", "K");
        int vp = store.register("air_vapour_pressure", "Pa");
        int co2 = store.register("air_co2", "ppm");
        int rad = store.register("outdoor_global_radiation", "W/m2");
        ObservationAssembler asm =
                ObservationAssembler.builder(CLIMATE, store).actions(ACTIONS).build();
        double[] o = new double[CLIMATE.size()];
        double[] last = {0.5};
        long thread = Thread.currentThread().getId();
        double sink = 0;
        for (int round = 0; round < 2; round++) {
            long before = mx.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 200_000; i++) {
                long now = NOW + i * 1000L;
                store.put(t, 290 + i % 10, now);
                store.put(vp, 1200, now);
                store.put(co2, i % 50 == 0 ? Double.NaN : 700, now);
                store.put(rad, i % 1000, now);
                sink += asm.assemble(now, i % 86_400, 1 + i % 365, last, o).usable() ? o[3] : 0;
            }
            long allocated = mx.getThreadAllocatedBytes(thread) - before;
            if (round == 1) {
                assertThat(sink).isFinite();
                assertThat(allocated).as("bytes allocated by 200,000 ticks").isLessThan(1024);
            }
        }
    }
}
