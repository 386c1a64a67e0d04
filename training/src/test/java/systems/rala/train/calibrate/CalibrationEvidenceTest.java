package systems.rala.train.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import systems.rala.twin.calibration.Calibrator;
import systems.rala.twin.calibration.FitMetrics;
import systems.rala.twin.calibration.History;
import systems.rala.twin.calibration.Replay;
import systems.rala.twin.model.Parameters;
import systems.rala.twin.tomato.TomatoParameters;

/**
 * Calibration recovers a greenhouse the twin does not know: 30 days logged by a twin whose leakage,
 * ventilation discharge and cover heat exchange were moved by 25–40 % (with sensor noise, gaps and spikes),
 * calibrated on the first 20 days, checked on the last 10.
 */
class CalibrationEvidenceTest {

    static final Map<String, Double> HIDDEN =
            Map.of("cLeakage", 1.4e-4, "cDgh", 0.5625, "cHecIn", 2.418, "rSMin", 57.4);

    @TempDir
    Path tmp;

    @Test
    void recoversHiddenParametersAndPredictsTheHoldOut() {
        Path csv = SyntheticHistory.write(tmp, HIDDEN, LocalDateTime.of(2030, 3, 10, 0, 0), 30, 7);
        History h = History.read(csv, tmp.resolve("history.mapping.properties"));
        Parameters nominal = TomatoParameters.katzin2021Led();
        int perDay = 288;
        int trainTo = 20 * perDay;
        List<Calibrator.Param> params = List.of(
                Calibrator.defaultBounds(nominal, "cLeakage"),
                Calibrator.defaultBounds(nominal, "cDgh"),
                Calibrator.defaultBounds(nominal, "cHecIn"),
                Calibrator.defaultBounds(nominal, "rSMin"));
        Calibrator.Result r = Calibrator.fit(
                "tomato-led",
                nominal,
                h,
                new Calibrator.Settings(
                        params,
                        trainTo,
                        perDay,
                        Map.of("air_temperature", 0.2, "air_relative_humidity", 2.0, "air_co2", 15.0),
                        "lm",
                        1,
                        1,
                        2,
                        40),
                System.out::println);
        Map<String, double[]> fitted = Replay.run("tomato-led", nominal.with(r.values()), h, h.times().length);
        Map<String, double[]> before = Replay.run("tomato-led", nominal, h, h.times().length);
        Map<String, FitMetrics> hold = Replay.metrics(fitted, h, trainTo, h.times().length, 0);
        Map<String, FitMetrics> holdBefore = Replay.metrics(before, h, trainTo, h.times().length, 0);
        System.out.println("hold-out, calibrated: " + hold);
        System.out.println("hold-out, nominal:    " + holdBefore);
        for (Map.Entry<String, Double> e : HIDDEN.entrySet()) {
            Calibrator.Fitted f = r.params().get(e.getKey());
            // within 10 % of the truth (the bound), and the truth within 4 standard errors of the fit
            assertThat(f.value()).as(e.getKey()).isBetween(0.9 * e.getValue(), 1.1 * e.getValue());
            assertThat(Math.abs(f.value() - e.getValue())).as(e.getKey()).isLessThanOrEqualTo(4 * f.stdError());
        }
        // hold-out (days 20-30): the bounds, and the uncalibrated twin clearly worse
        assertThat(hold.get("air_temperature").rmse()).isLessThanOrEqualTo(0.5);
        assertThat(hold.get("air_relative_humidity").rmse()).isLessThanOrEqualTo(3.0);
        assertThat(hold.get("air_co2").rrmse()).isLessThanOrEqualTo(0.05);
        assertThat(holdBefore.get("air_temperature").rmse())
                .isGreaterThan(3 * hold.get("air_temperature").rmse());
        assertThat(holdBefore.get("air_relative_humidity").rmse())
                .isGreaterThan(1.5 * hold.get("air_relative_humidity").rmse());
        assertThat(holdBefore.get("air_co2").rrmse())
                .isGreaterThan(2 * hold.get("air_co2").rrmse());
        // the log's flaws were found: one spike per measured column, and its empty cells
        for (History.ColumnReport c : h.report()) {
            if (History.MEASURED.contains(c.variable())) {
                assertThat(c.outliers()).as(c.toString()).isEqualTo(1);
                assertThat(c.gaps()).as(c.toString()).isGreaterThan(0);
            }
        }
    }
}
