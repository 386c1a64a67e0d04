package systems.rala.runtime.control.rules;

import static systems.rala.runtime.control.rules.RuleBasedClimateController.AIR_CO2;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.AIR_RELATIVE_HUMIDITY;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.AIR_TEMPERATURE;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.OUTDOOR_DAILY_RADIATION_SUM;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.OUTDOOR_GLOBAL_RADIATION;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.OUTDOOR_TEMPERATURE;

import systems.rala.runtime.control.ControlInput;

/** Test helper: one set of readings and a clock, run through a controller. */
final class Scenario {

    double hour;
    int dayOfYear = 100;
    double tAir = 20.0;
    double rh = 80.0;
    double co2 = 800.0;
    double tOut = 10.0;
    double iGlob = 0.0;
    double dayRadSum = 2.0;

    static Scenario at(double hour) {
        Scenario s = new Scenario();
        s.hour = hour;
        return s;
    }

    Scenario tAir(double v) {
        tAir = v;
        return this;
    }

    Scenario rh(double v) {
        rh = v;
        return this;
    }

    Scenario co2(double v) {
        co2 = v;
        return this;
    }

    Scenario tOut(double v) {
        tOut = v;
        return this;
    }

    Scenario iGlob(double v) {
        iGlob = v;
        return this;
    }

    Scenario dayRadSum(double v) {
        dayRadSum = v;
        return this;
    }

    Scenario day(int v) {
        dayOfYear = v;
        return this;
    }

    /** Fills {@code in} with these readings and clock. */
    void fill(ControlInput in) {
        double[] v = in.values();
        v[AIR_TEMPERATURE] = tAir;
        v[AIR_RELATIVE_HUMIDITY] = rh;
        v[AIR_CO2] = co2;
        v[OUTDOOR_TEMPERATURE] = tOut;
        v[OUTDOOR_GLOBAL_RADIATION] = iGlob;
        v[OUTDOOR_DAILY_RADIATION_SUM] = dayRadSum;
        in.setClock(hour * 3600.0, dayOfYear);
    }

    /** The commands of {@code c} for these readings. */
    double[] run(RuleBasedClimateController c) {
        ControlInput in = new ControlInput(c.readings());
        fill(in);
        double[] out = new double[c.commands().size()];
        c.decide(in, out);
        return out;
    }
}
