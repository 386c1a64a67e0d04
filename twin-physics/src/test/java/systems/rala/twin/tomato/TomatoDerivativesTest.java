package systems.rala.twin.tomato;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import systems.rala.twin.weather.WeatherVariable;

/**
 * Transcription check: the right-hand side at three operating points against values obtained by evaluating
 * GreenLight v2's own model definition files (main_katzin_2021.json, and with lamp_hps_katzin_2021.json;
 * commit fa502ed of github davkat1/GreenLight) with numpy, independently of this code. Reference values have 6
 * significant digits, so the relative tolerance is 2e-5 (plus a small absolute floor for values near zero);
 * the actuator positions are GreenLight's controller outputs at those points, given there to about 1e-6.
 */
class TomatoDerivativesTest {

    private static final int N = TomatoModel.DIMENSION;

    /** Weather as GreenLight inputs: CO2 in mg m-3 is converted back to ppm with the model's own formula. */
    private static double[] weather(
            double iGlob, double tOut, double tSky, double vpOut, double co2OutMg, double wind, double tSoOut) {
        double[] d = new double[WeatherVariable.COUNT];
        d[WeatherVariable.GLOBAL_RADIATION.ordinal()] = iGlob;
        d[WeatherVariable.AIR_TEMPERATURE.ordinal()] = tOut;
        d[WeatherVariable.SKY_TEMPERATURE.ordinal()] = tSky;
        d[WeatherVariable.VAPOUR_PRESSURE.ordinal()] = vpOut;
        d[WeatherVariable.CO2.ordinal()] = TomatoModel.co2Ppm(co2OutMg, tOut) * (8.314 / 8.3144598);
        d[WeatherVariable.WIND_SPEED.ordinal()] = wind;
        d[WeatherVariable.SOIL_TEMPERATURE.ordinal()] = tSoOut;
        return d;
    }

    private static double[] inputs(double uBoil, double uThScr, double uRoof, double uLamp, double uExtCo2) {
        double[] u = new double[TomatoModel.INPUTS];
        u[TomatoModel.U_BOIL] = uBoil;
        u[TomatoModel.U_BOIL_GRO] = uBoil;
        u[TomatoModel.U_TH_SCR] = uThScr;
        u[TomatoModel.U_ROOF] = uRoof;
        u[TomatoModel.U_LAMP] = uLamp;
        u[TomatoModel.U_INT_LAMP] = uLamp;
        u[TomatoModel.U_EXT_CO2] = uExtCo2;
        return u;
    }

    private static double[] stateC(TomatoModel m) {
        double[] x = new double[N];
        m.initialState(x);
        x[TomatoModel.T_AIR] = 22;
        x[TomatoModel.T_CAN] = 23;
        x[TomatoModel.VP_AIR] = 1800;
        x[TomatoModel.T_TOP] = 21;
        x[TomatoModel.T_TH_SCR] = 20;
        x[TomatoModel.T_COV_IN] = 15;
        x[TomatoModel.T_COV_E] = 12;
        x[TomatoModel.T_PIPE] = 35;
        x[TomatoModel.T_LAMP] = 40;
        x[TomatoModel.CO2_AIR] = 1600;
        x[TomatoModel.CO2_TOP] = 1000;
        x[TomatoModel.C_LEAF] = 60000;
        x[TomatoModel.C_STEM] = 80000;
        x[TomatoModel.C_FRUIT] = 150000;
        x[TomatoModel.T_CAN_SUM] = 1500;
        x[TomatoModel.T_CAN_24] = 21;
        x[TomatoModel.C_BUF] = 10000;
        return x;
    }

    private static double[] rhs(TomatoModel m, double[] x, double[] u, double[] d) {
        double[] dx = new double[N];
        m.derivatives(0, x, u, d, dx);
        return dx;
    }

    private static void check(double[] dx, String state, double expected, TomatoModel m) {
        double actual = dx[m.stateIndex(state)];
        assertThat(actual).as(state).isCloseTo(expected, within(2e-5 * Math.abs(expected) + 1e-9));
    }

    @Test
    void scenarioA_nightAtInitialState() {
        TomatoModel m = TomatoModel.led();
        double[] x = new double[N];
        m.initialState(x);
        double[] dx = rhs(m, x, inputs(1, 0, 1e-6, 0, 1), weather(0, 20, -20, 1650, 700, 0, 20));
        check(dx, "tCan", -0.0722018, m);
        check(dx, "tAir", 6.21700e-4, m);
        check(dx, "tFlr", 5.18802e-5, m);
        check(dx, "tSo1", -6.42004e-4, m);
        check(dx, "tSo5", 1.78459e-5, m);
        check(dx, "tTop", 7.29874e-5, m);
        check(dx, "tCovIn", 2.39479e-3, m);
        check(dx, "tCovE", -0.159808, m);
        check(dx, "tPipe", 0.0272946, m);
        check(dx, "tLamp", 4.09839e-3, m);
        check(dx, "vpAir", 9.75582e-3, m);
        check(dx, "vpTop", 6.61684e-3, m);
        check(dx, "co2Air", 0.827801, m);
        check(dx, "co2Top", -4.58778e-4, m);
        check(dx, "cBuf", -0.223795, m);
        check(dx, "cLeaf", 0.0955859, m);
        check(dx, "cStem", 0.0751526, m);
        check(dx, "cFruit", 1.63358e-3, m);
        check(dx, "tCanSum", 2.37269e-4, m);
        check(dx, "tCan24", 0, m);
        Aux a = m.lastFluxes();
        assertThat(a.hBoilPipe).isCloseTo(300, within(1e-6));
        assertThat(a.mcExtAir).isCloseTo(5.14, within(1e-9));
        assertThat(a.hCovEOut).isCloseTo(-11.858, within(1e-3));
        assertThat(a.lCanAir).isCloseTo(1.13735, within(1e-4));
        assertThat(a.mcAirCan).isCloseTo(-0.0754199, within(1e-6));
        assertThat(a.fVentRoof).isCloseTo(1.25121e-5, within(1e-9));
        assertThat(a.co2InPpm).isCloseTo(389.921, within(1e-3));
    }

    @Test
    void scenarioB_nightWithLampsOn() {
        for (boolean hps : new boolean[] {false, true}) {
            TomatoModel m = hps ? TomatoModel.hps() : TomatoModel.led();
            double[] x = new double[N];
            m.initialState(x);
            double[] dx = rhs(m, x, inputs(1, 0.999999, 1e-6, 1, 1), weather(0, 2, -15, 600, 750, 4, 10));
            check(dx, "tCan", hps ? -0.0645686 : -0.0706045, m);
            check(dx, "tAir", hps ? 4.78587e-3 : 2.96350e-3, m);
            check(dx, "tFlr", hps ? 6.69829e-4 : 3.60106e-4, m);
            check(dx, "tThScr", 0.0121348, m);
            check(dx, "tTop", -4.83474e-3, m);
            check(dx, "tCovIn", 3.59221e-4, m);
            check(dx, "tCovE", -0.319185, m);
            check(dx, "tPipe", 0.0272946, m);
            check(dx, "tLamp", hps ? 0.458923 : 2.87077, m);
            check(dx, "vpAir", hps ? 0.0136756 : 0.0127782, m);
            check(dx, "vpTop", -0.227193, m);
            check(dx, "co2Air", hps ? 0.825181 : 0.825209, m);
            check(dx, "co2Top", 9.33605e-3, m);
            check(dx, "cBuf", hps ? -0.208534 : -0.208657, m);
            Aux a = m.lastFluxes();
            assertThat(a.qLampIn).isCloseTo(hps ? 111.111 : 66.667, within(1e-3));
            assertThat(a.tauCovPar).isCloseTo(0.523625, within(1e-6));
            assertThat(a.parCan).isCloseTo(hps ? 23.2351 : 23.0027, within(1e-3));
            assertThat(a.rLampAir).isCloseTo(hps ? 35.0136 : 21.2365, within(1e-3));
            assertThat(a.rCan).isCloseTo(hps ? 65.2608 : 38.0, within(1e-3));
            assertThat(a.hCovEOut).isCloseTo(133.342, within(1e-3));
            assertThat(a.gamma).isCloseTo(41.3157, within(1e-3));
            if (!hps) { // the reference gives these for LED only
                assertThat(a.j).isCloseTo(7.49750, within(1e-4));
            }
        }
    }

    @Test
    void scenarioC_sunnyDayGrownCrop() {
        for (boolean hps : new boolean[] {false, true}) {
            TomatoModel m = hps ? TomatoModel.hps() : TomatoModel.led();
            double[] x = stateC(m);
            double[] dx = rhs(m, x, inputs(1e-12, 0, 3.29226e-4, 1, 0.998343), weather(300, 10, 0, 900, 720, 2, 10));
            check(dx, "tCan", hps ? 0.0134196 : 0.00904381, m);
            check(dx, "tAir", hps ? -0.0154005 : -0.0115761, m);
            check(dx, "tFlr", hps ? 2.81187e-3 : 2.61432e-3, m);
            check(dx, "tTop", 0.179118, m);
            check(dx, "tCovIn", hps ? -0.901562 : -0.899035, m);
            check(dx, "tCovE", 0.908249, m);
            check(dx, "tPipe", hps ? -2.58371e-3 : -2.58374e-3, m);
            check(dx, "tGroPipe", 5.09422e-4, m);
            check(dx, "tLamp", hps ? 0.419011 : -1.70633, m);
            check(dx, "tIntLamp", 1.265, m);
            check(dx, "vpAir", hps ? -9.28472 : -9.28526, m);
            check(dx, "vpTop", 103.342, m);
            check(dx, "co2Air", hps ? -11.6600 : -11.6596, m);
            check(dx, "co2Top", 128.971, m);
            check(dx, "cBuf", hps ? 0.264364 : 0.262649, m);
            check(dx, "cLeaf", 0.0828350, m);
            check(dx, "cStem", 0.0679017, m);
            check(dx, "cFruit", 0.326684, m);
            check(dx, "tCanSum", 2.66204e-4, m);
            check(dx, "tCan24", 2.31481e-5, m);
            Aux a = m.lastFluxes();
            assertThat(a.co2InPpm).isCloseTo(880.499, within(1e-3));
            assertThat(a.rParGhSun).isCloseTo(112.455, within(1e-3));
            assertThat(a.parCan).isCloseTo(hps ? 544.269 : 542.752, within(1e-3));
            assertThat(a.lai).isCloseTo(1.596, within(1e-9));
            assertThat(a.hPipeAir).isCloseTo(11.7730, within(1e-4));
            assertThat(a.fScr).isCloseTo(0.129023, within(1e-6));
            assertThat(a.hLampAir).isCloseTo(hps ? 1.62 : 41.4, within(1e-9));
            if (!hps) { // the reference gives these for LED only
                assertThat(a.mvCanAir).isCloseTo(2.82207e-5, within(1e-10));
                assertThat(a.mcAirBuf).isCloseTo(0.920359, within(1e-6));
                assertThat(a.mcAirCan).isCloseTo(1.08544, within(1e-5));
                assertThat(a.j).isCloseTo(158.474, within(1e-3));
                assertThat(a.p).isCloseTo(32.9637, within(1e-4));
                assertThat(a.gamma).isCloseTo(37.1955, within(1e-4));
            }
        }
    }

    @Test
    void derivedConstantsOfTheKatzin2021Greenhouse() {
        TomatoConstants c = TomatoModel.led().constants();
        // values of GreenLight's derived expressions for the Katzin 2021 parameters (reference notes, numpy)
        assertThat(c.capPipe).isCloseTo(10998.547, within(1e-3));
        assertThat(c.capAir).isCloseTo(7560, within(1e-9));
        assertThat(c.capTop).isCloseTo(720, within(1e-9));
        assertThat(c.capFlr).isCloseTo(40480, within(1e-9));
        assertThat(c.capSo1).isCloseTo(69200, within(1e-9));
        assertThat(c.capSo5).isCloseTo(1107200, within(1e-9));
        assertThat(c.capThScr).isCloseTo(126, within(1e-9));
        assertThat(c.capGroPipe).isCloseTo(6746.373, within(1e-3));
        assertThat(c.capCovIn).isCloseTo(809.988, within(1e-3));
        assertThat(c.hecCovInCovE).isCloseTo(262.5, within(1e-9));
        assertThat(c.aPipe).isCloseTo(0.2002765, within(1e-7));
        assertThat(c.fCanFlr).isCloseTo(0.9018645, within(1e-7));
        assertThat(c.cLeafMax).isCloseTo(112781.95, within(0.01));
    }
}
