package systems.rala.train.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import systems.rala.env.plant.ClosedLoop;
import systems.rala.env.plant.TomatoPlant;
import systems.rala.runtime.control.rules.RuleBasedClimateController;
import systems.rala.twin.sim.Simulation;
import systems.rala.twin.tomato.TomatoModel;
import systems.rala.twin.weather.WeatherSeries;
import systems.rala.twin.weather.WeatherVariable;
import systems.rala.twin.weather.generator.GeneratorParams;
import systems.rala.twin.weather.generator.WeatherGenerator;

/**
 * The replay's plumbing: a reference written in GreenLight's output layout (BOM, three header rows, gzip)
 * from a RALA run of the same model is replayed closely. What remains is the cost of recording continuous
 * controls every 300 s, the same limit that applies to GreenLight's own records.
 */
class GreenLightReplayTest {

    @Test
    void aReferenceInGreenLightsLayoutReplaysClosely(@TempDir Path dir) throws IOException {
        LocalDate day = LocalDate.of(2030, 11, 10);
        WeatherSeries weather =
                new WeatherGenerator(GeneratorParams.builtIn("amsterdam")).generate(4, day, day.plusDays(4));
        Simulation sim = Simulation.of(TomatoModel.hps().with(-2.0), weather, day.atStartOfDay());
        new ClosedLoop(sim, new RuleBasedClimateController(), TomatoPlant::reading, ClosedLoop.Mode.CONTINUOUS);
        Path ref = dir.resolve("gl.csv.gz");
        String[] states = {"tCan", "tAir", "tPipe", "vpAir", "co2Air", "cBuf", "cFruit", "tLamp"};
        try (Writer w =
                new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(ref)), StandardCharsets.UTF_8)) {
            StringBuilder h = new StringBuilder("\uFEFFTime");
            for (String s : new String[] {"iGlob", "tOut", "vpOut", "co2Out", "wind", "tSky", "tSoOut"}) {
                h.append(',').append(s);
            }
            for (String u :
                    new String[] {"uBoil", "uBoilGro", "uThScr", "uBlScr", "uRoof", "uLamp", "uIntLamp", "uExtCo2"}) {
                h.append(',').append(u);
            }
            for (String s : states) {
                h.append(',').append(s);
            }
            w.write(h + "\n");
            w.write("Time since start,descriptions...\n");
            w.write("s,units...\n");
            for (int k = 0; k <= 3 * 288; k++) {
                double[] d = sim.weatherNow();
                double tOut = d[WeatherVariable.AIR_TEMPERATURE.ordinal()];
                StringBuilder r = new StringBuilder().append(1e6 + sim.time());
                r.append(',')
                        .append(d[WeatherVariable.GLOBAL_RADIATION.ordinal()])
                        .append(',')
                        .append(tOut);
                r.append(',').append(d[WeatherVariable.VAPOUR_PRESSURE.ordinal()]);
                r.append(',').append(TomatoModel.co2MgPerM3(d[WeatherVariable.CO2.ordinal()], tOut));
                r.append(',').append(d[WeatherVariable.WIND_SPEED.ordinal()]);
                r.append(',').append(d[WeatherVariable.SKY_TEMPERATURE.ordinal()]);
                r.append(',').append(d[WeatherVariable.SOIL_TEMPERATURE.ordinal()]);
                for (int u : new int[] {
                    TomatoModel.U_BOIL,
                    TomatoModel.U_BOIL_GRO,
                    TomatoModel.U_TH_SCR,
                    TomatoModel.U_BL_SCR,
                    TomatoModel.U_ROOF,
                    TomatoModel.U_LAMP,
                    TomatoModel.U_INT_LAMP,
                    TomatoModel.U_EXT_CO2
                }) {
                    r.append(',').append(sim.input(u));
                }
                for (String s : states) {
                    r.append(',').append(sim.state(sim.model().stateIndex(s)));
                }
                w.write(r + "\n");
                if (k < 3 * 288) {
                    sim.step(300);
                }
            }
        }
        GreenLightReplay.Result r = GreenLightReplay.run(ref, true, LocalDateTime.of(2030, 11, 10, 0, 0), -2.0, 300);
        assertThat(r.metrics().keySet()).contains("tAir", "vpAir", "co2Air", "cFruit");
        assertThat(r.metrics().get("tAir").rrmse()).isLessThan(0.01);
        assertThat(r.metrics().get("vpAir").rrmse()).isLessThan(0.01);
        assertThat(r.metrics().get("co2Air").rrmse()).isLessThan(0.03);
        assertThat(r.days()).hasSize(3 * 288 + 1);
    }
}
