package systems.rala.runtime.control.rules;

/**
 * Set-points and bands of the {@link RuleBasedClimateController}: immutable and checked when built.
 *
 * <p>{@link #katzin2021()} gives the values of GreenLight's Katzin (2021) configuration (GreenLight v2 {@code
 * extension_greenhouse_katzin_2021_vanthoor_2011.json}, section "Greenhouse climate control"; Katzin, Marcelis &amp; van
 * Mourik 2021, Applied Energy 281:116019, §2.3.2 = Katzin 2021 PhD thesis ch. 4 §2.3.2 and Table 4.2). Change any of
 * them with {@link #toBuilder()} or start from {@link #builder()}:
 *
 * <pre>{@code
 * RuleBasedSettings warmer = RuleBasedSettings.katzin2021().toBuilder().tSpDay(20.5).build();
 * }</pre>
 *
 * <p>{@link Builder#build()} rejects a value that is not finite or lies outside the range given in each accessor's
 * documentation, with a message naming the field, the value and the allowed range. The P-bands carry a sign, as in
 * GreenLight (see {@code proportionalControl} in the controller): a negative band means the action grows as the
 * measured value <em>falls</em> below the set-point. The signs are fixed by the rule each band belongs to, so a band
 * of the wrong sign (or zero) is rejected rather than silently inverting the rule.
 */
public final class RuleBasedSettings {

    private static final RuleBasedSettings KATZIN_2021 = new Builder().build();

    private final double tSpDay;
    private final double tSpNight;
    private final double heatCorrection;
    private final double tHeatBand;
    private final double heatDeadZone;
    private final double ventHeatPband;
    private final double rhMax;
    private final double ventRhPband;
    private final double tVentOff;
    private final double ventColdPband;
    private final double thScrSpDay;
    private final double thScrSpNight;
    private final double thScrPband;
    private final double thScrMaxRh;
    private final double thScrRhPband;
    private final double thScrDeadZone;
    private final boolean useBlScr;
    private final double blScrExtraRh;
    private final double lampTimeOn;
    private final double lampTimeOff;
    private final double dayLampStart;
    private final double dayLampStop;
    private final double lampsOffSun;
    private final double lampRadSumLimit;
    private final double lampExtraHeat;
    private final double co2SpDay;
    private final double co2Band;

    private RuleBasedSettings(Builder b) {
        tSpDay = b.tSpDay;
        tSpNight = b.tSpNight;
        heatCorrection = b.heatCorrection;
        tHeatBand = b.tHeatBand;
        heatDeadZone = b.heatDeadZone;
        ventHeatPband = b.ventHeatPband;
        rhMax = b.rhMax;
        ventRhPband = b.ventRhPband;
        tVentOff = b.tVentOff;
        ventColdPband = b.ventColdPband;
        thScrSpDay = b.thScrSpDay;
        thScrSpNight = b.thScrSpNight;
        thScrPband = b.thScrPband;
        thScrMaxRh = b.thScrMaxRh;
        thScrRhPband = b.thScrRhPband;
        thScrDeadZone = b.thScrDeadZone;
        useBlScr = b.useBlScr;
        blScrExtraRh = b.blScrExtraRh;
        lampTimeOn = b.lampTimeOn;
        lampTimeOff = b.lampTimeOff;
        dayLampStart = b.dayLampStart;
        dayLampStop = b.dayLampStop;
        lampsOffSun = b.lampsOffSun;
        lampRadSumLimit = b.lampRadSumLimit;
        lampExtraHeat = b.lampExtraHeat;
        co2SpDay = b.co2SpDay;
        co2Band = b.co2Band;
    }

    /** The settings of GreenLight's Katzin (2021) greenhouse (the defaults of every accessor below). */
    public static RuleBasedSettings katzin2021() {
        return KATZIN_2021;
    }

    /** A builder that starts from {@link #katzin2021()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Heating

    /**
     * Heating set-point of the light period [°C], used while the sun is up or the lamps are in their light period
     * ({@code isDayInside} = 1). Default 19.5 °C; allowed 0 to 40. Source: GreenLight {@code tSpDay}, Katzin 2021
     * Table 4.2 (chosen so that realised temperatures approximate Dutch practice, Raaphorst et al. 2019).
     */
    public double tSpDay() {
        return tSpDay;
    }

    /**
     * Heating set-point of the dark period [°C] ({@code isDayInside} = 0). Default 18.5 °C; allowed 0 to 40. Source:
     * GreenLight {@code tSpNight}, Katzin 2021 Table 4.2.
     */
    public double tSpNight() {
        return tSpNight;
    }

    /**
     * Raise of the heating set-point while the lamps are in their light period [°C] (added as {@code
     * heatCorrection·lampNoCons}). Default 0 °C; allowed −10 to 10. Source: GreenLight {@code heatCorrection}; Katzin
     * 2021 used 1 °C only in the LED sensitivity run "heatAdj".
     */
    public double heatCorrection() {
        return heatCorrection;
    }

    /**
     * P-band of the boiler valve [°C], negative: the valve is about 1 % open at the heating set-point and about 99 %
     * open at set-point + band (1 °C below it by default). Default −1 °C; allowed [−10, 0). Source: GreenLight {@code
     * tHeatBand}, Katzin 2021 §2.3.2.
     */
    public double tHeatBand() {
        return tHeatBand;
    }

    /**
     * Dead zone between heating and ventilating for heat [°C]: the vents start to open for heat at {@code heatMax} =
     * heating set-point + dead zone. Default 5 °C; allowed 0 to 20. Source: GreenLight {@code heatDeadZone}, Katzin 2021
     * §2.3.2.
     */
    public double heatDeadZone() {
        return heatDeadZone;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Ventilation

    /**
     * P-band of ventilation for heat [°C], positive: roof vents about 1 % open at {@code heatMax}, 99 % at {@code
     * heatMax} + band. Default 4 °C; allowed (0, 20]. Source: GreenLight {@code ventHeatPband}, Katzin 2021 §2.3.2.
     */
    public double ventHeatPband() {
        return ventHeatPband;
    }

    /**
     * Highest indoor relative humidity before the vents open for humidity [%]; also the reference of the thermal-screen
     * humidity rule and the lamps' humidity constraint. Default 87 %; allowed 0 to 100. Source: GreenLight {@code
     * rhMax}, Katzin 2021 Table 4.2 (after Raaphorst et al. 2019).
     */
    public double rhMax() {
        return rhMax;
    }

    /**
     * P-band of ventilation for humidity [% RH], positive: vents about 1 % open at {@code rhMax}, 50 % at {@code rhMax}
     * + band/2. Default 50 % (a very gentle band); allowed (0, 100]. Source: GreenLight {@code ventRhPband}, Katzin 2021
     * (value from De Zwart 1996 according to GreenLight v1's comments; GreenLight's own default is 5 %).
     */
    public double ventRhPband() {
        return ventRhPband;
    }

    /**
     * How far below the heating set-point the vents start to be forced shut for cold [°C]: {@code ventCold} falls from
     * 1 (vents allowed) at set-point − tVentOff to 0 (forced closed) at set-point − tVentOff + {@link #ventColdPband()}.
     * Default 1 °C; allowed 0 to 20. Source: GreenLight {@code tVentOff}, Katzin 2021 §2.3.2.
     */
    public double tVentOff() {
        return tVentOff;
    }

    /**
     * P-band of the cold lock-out of the vents [°C], negative. Default −1 °C; allowed [−10, 0). Source: GreenLight {@code
     * ventColdPband}, Katzin 2021 §2.3.2.
     */
    public double ventColdPband() {
        return ventColdPband;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Thermal screen

    /**
     * Outdoor temperature below which the thermal screen closes while the sun is up (outdoor radiation &gt; 0) [°C].
     * Default 5 °C; allowed −30 to 40. Source: GreenLight {@code thScrSpDay}, Katzin 2021 §2.3.2.
     */
    public double thScrSpDay() {
        return thScrSpDay;
    }

    /**
     * Outdoor temperature below which the thermal screen closes while the sun is down [°C]. Default 10 °C; allowed −30
     * to 40. Source: GreenLight {@code thScrSpNight}, Katzin 2021 §2.3.2.
     */
    public double thScrSpNight() {
        return thScrSpNight;
    }

    /**
     * P-band of the thermal screen on outdoor temperature [°C], negative: about 1 % closed at the screen set-point, 99 %
     * at set-point + band. Its opposite ({@code −thScrPband}) is the band of the screen's opening for excess heat.
     * Default −1 °C; allowed [−10, 0). Source: GreenLight {@code thScrPband}, Katzin 2021 §2.3.2.
     */
    public double thScrPband() {
        return thScrPband;
    }

    /**
     * Humidity at which the thermal screen starts to open for humidity, relative to {@link #rhMax()} [% RH]. Default −2
     * % (i.e. 85 %); allowed −100 to 100. Source: GreenLight {@code thScrMaxRh} (v1 {@code thScrRh}), Katzin 2021 §2.3.2.
     */
    public double thScrMaxRh() {
        return thScrMaxRh;
    }

    /**
     * P-band of the thermal screen's opening for humidity [% RH], positive: allowed closed at {@code rhMax +
     * thScrMaxRh}, forced about 99 % open at that + band. Default 10 %; allowed (0, 100]. Source: GreenLight {@code
     * thScrRhPband}, Katzin 2021 §2.3.2.
     */
    public double thScrRhPband() {
        return thScrRhPband;
    }

    /**
     * Dead zone above the heating set-point at which the thermal screen starts to open for excess heat [°C]. Default 4
     * °C; allowed 0 to 20. Source: GreenLight {@code thScrDeadZone}, Katzin 2021 §2.3.2.
     */
    public double thScrDeadZone() {
        return thScrDeadZone;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Blackout screen

    /**
     * Whether a blackout screen is installed and used: closed in the dark whenever the lamps are on. Default false.
     * Source: GreenLight {@code useBlScr} (0 in Katzin 2021).
     */
    public boolean useBlScr() {
        return useBlScr;
    }

    /**
     * Extra humidity above {@link #rhMax()} at which the lamps (and with them the blackout screen) switch off in the dark
     * [% RH]. The default 100 % puts the limit at 187 %, i.e. never. Allowed 0 to 100. Source: GreenLight {@code
     * blScrExtraRh}, Katzin 2021 thesis ch. 5 §2.4.
     */
    public double blScrExtraRh() {
        return blScrExtraRh;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Lamps

    /**
     * Start of the lamps' light period [h after local standard-time midnight]. Lamps may be on strictly after this
     * hour; when {@code lampTimeOn > lampTimeOff} the period wraps midnight, when they are equal there is no light
     * period. Default 0 h; allowed 0 to 24. Source: GreenLight {@code lampTimeOn} (v1 {@code lampsOn}), Katzin 2021
     * §2.3.2 ("lamps on from 00:00 to 18:00").
     */
    public double lampTimeOn() {
        return lampTimeOn;
    }

    /**
     * End of the lamps' light period [h after local standard-time midnight]; lamps may be on strictly before this hour.
     * Default 18 h; allowed 0 to 24. Source: GreenLight {@code lampTimeOff} (v1 {@code lampsOff}), Katzin 2021 §2.3.2.
     */
    public double lampTimeOff() {
        return lampTimeOff;
    }

    /**
     * First day of the season with lamps [day of year]: lamps may be on strictly after it (wrapping the new year when
     * larger than {@link #dayLampStop()}). Default −1, which with the stop day 400 means every day; allowed −1 to 400.
     * Source: GreenLight {@code dayLampStart}.
     */
    public double dayLampStart() {
        return dayLampStart;
    }

    /**
     * Last day of the season with lamps [day of year]: lamps may be on strictly before it. Default 400 (every day with
     * the start day −1); allowed −1 to 400. Source: GreenLight {@code dayLampStop}.
     */
    public double dayLampStop() {
        return dayLampStop;
    }

    /**
     * Outdoor global radiation at or above which the lamps are off [W m⁻²]. Default 400 W m⁻²; allowed 0 to 1500.
     * Source: GreenLight {@code lampsOffSun}, Katzin 2021 §2.3.2.
     */
    public double lampsOffSun() {
        return lampsOffSun;
    }

    /**
     * Daily outdoor radiation sum at or above which the lamps stay off that whole day [MJ m⁻² day⁻¹]. Default 10;
     * allowed 0 to 50. Source: GreenLight {@code lampRadSumLimit}, Katzin 2021 §2.3.2.
     */
    public double lampRadSumLimit() {
        return lampRadSumLimit;
    }

    /**
     * Margin above {@code heatMax} (heating set-point + {@link #heatDeadZone()}) at which the lamps switch off for excess
     * heat [°C]. The default 100 °C disables this constraint, as in Katzin 2021 ch. 4 (GreenLight v1-final's default was
     * 2 °C). Allowed 0 to 100. Source: GreenLight {@code lampExtraHeat}, Katzin 2021 thesis ch. 5 §2.4.
     */
    public double lampExtraHeat() {
        return lampExtraHeat;
    }

    // ---------------------------------------------------------------------------------------------------------
    // CO2

    /**
     * CO2 set-point of the light period [ppm]; there is no dosing in the dark (set-point 0). Default 1000 ppm; allowed 0
     * to 5000 (the usual occupational exposure limit). Source: GreenLight {@code co2SpDay}, Katzin 2021 Table 4.2 (after
     * Raaphorst et al. 2019).
     */
    public double co2SpDay() {
        return co2SpDay;
    }

    /**
     * P-band of the CO2 valve [ppm], negative: about 1 % open at the set-point, 99 % open at set-point + band. Default
     * −100 ppm; allowed [−1000, 0). Source: GreenLight {@code co2Band}, Katzin 2021 §2.3.2.
     */
    public double co2Band() {
        return co2Band;
    }

    @Override
    public String toString() {
        return "RuleBasedSettings[tSpDay=" + tSpDay + ", tSpNight=" + tSpNight + ", heatCorrection=" + heatCorrection
                + ", tHeatBand=" + tHeatBand + ", heatDeadZone=" + heatDeadZone + ", ventHeatPband=" + ventHeatPband
                + ", rhMax=" + rhMax + ", ventRhPband=" + ventRhPband + ", tVentOff=" + tVentOff + ", ventColdPband="
                + ventColdPband + ", thScrSpDay=" + thScrSpDay + ", thScrSpNight=" + thScrSpNight + ", thScrPband="
                + thScrPband + ", thScrMaxRh=" + thScrMaxRh + ", thScrRhPband=" + thScrRhPband + ", thScrDeadZone="
                + thScrDeadZone + ", useBlScr=" + useBlScr + ", blScrExtraRh=" + blScrExtraRh + ", lampTimeOn="
                + lampTimeOn + ", lampTimeOff=" + lampTimeOff + ", dayLampStart=" + dayLampStart + ", dayLampStop="
                + dayLampStop + ", lampsOffSun=" + lampsOffSun + ", lampRadSumLimit=" + lampRadSumLimit
                + ", lampExtraHeat=" + lampExtraHeat + ", co2SpDay=" + co2SpDay + ", co2Band=" + co2Band + "]";
    }

    /**
     * Collects settings; every method sets the field of the same name (see the accessors of {@link RuleBasedSettings}
     * for units, meaning and allowed range) and {@link #build()} checks them all.
     */
    public static final class Builder {

        private double tSpDay = 19.5;
        private double tSpNight = 18.5;
        private double heatCorrection = 0.0;
        private double tHeatBand = -1.0;
        private double heatDeadZone = 5.0;
        private double ventHeatPband = 4.0;
        private double rhMax = 87.0;
        private double ventRhPband = 50.0;
        private double tVentOff = 1.0;
        private double ventColdPband = -1.0;
        private double thScrSpDay = 5.0;
        private double thScrSpNight = 10.0;
        private double thScrPband = -1.0;
        private double thScrMaxRh = -2.0;
        private double thScrRhPband = 10.0;
        private double thScrDeadZone = 4.0;
        private boolean useBlScr = false;
        private double blScrExtraRh = 100.0;
        private double lampTimeOn = 0.0;
        private double lampTimeOff = 18.0;
        private double dayLampStart = -1.0;
        private double dayLampStop = 400.0;
        private double lampsOffSun = 400.0;
        private double lampRadSumLimit = 10.0;
        private double lampExtraHeat = 100.0;
        private double co2SpDay = 1000.0;
        private double co2Band = -100.0;

        private Builder() {}

        private Builder(RuleBasedSettings s) {
            tSpDay = s.tSpDay;
            tSpNight = s.tSpNight;
            heatCorrection = s.heatCorrection;
            tHeatBand = s.tHeatBand;
            heatDeadZone = s.heatDeadZone;
            ventHeatPband = s.ventHeatPband;
            rhMax = s.rhMax;
            ventRhPband = s.ventRhPband;
            tVentOff = s.tVentOff;
            ventColdPband = s.ventColdPband;
            thScrSpDay = s.thScrSpDay;
            thScrSpNight = s.thScrSpNight;
            thScrPband = s.thScrPband;
            thScrMaxRh = s.thScrMaxRh;
            thScrRhPband = s.thScrRhPband;
            thScrDeadZone = s.thScrDeadZone;
            useBlScr = s.useBlScr;
            blScrExtraRh = s.blScrExtraRh;
            lampTimeOn = s.lampTimeOn;
            lampTimeOff = s.lampTimeOff;
            dayLampStart = s.dayLampStart;
            dayLampStop = s.dayLampStop;
            lampsOffSun = s.lampsOffSun;
            lampRadSumLimit = s.lampRadSumLimit;
            lampExtraHeat = s.lampExtraHeat;
            co2SpDay = s.co2SpDay;
            co2Band = s.co2Band;
        }

        /** See {@link RuleBasedSettings#tSpDay()}. */
        public Builder tSpDay(double v) {
            tSpDay = v;
            return this;
        }

        /** See {@link RuleBasedSettings#tSpNight()}. */
        public Builder tSpNight(double v) {
            tSpNight = v;
            return this;
        }

        /** See {@link RuleBasedSettings#heatCorrection()}. */
        public Builder heatCorrection(double v) {
            heatCorrection = v;
            return this;
        }

        /** See {@link RuleBasedSettings#tHeatBand()}. */
        public Builder tHeatBand(double v) {
            tHeatBand = v;
            return this;
        }

        /** See {@link RuleBasedSettings#heatDeadZone()}. */
        public Builder heatDeadZone(double v) {
            heatDeadZone = v;
            return this;
        }

        /** See {@link RuleBasedSettings#ventHeatPband()}. */
        public Builder ventHeatPband(double v) {
            ventHeatPband = v;
            return this;
        }

        /** See {@link RuleBasedSettings#rhMax()}. */
        public Builder rhMax(double v) {
            rhMax = v;
            return this;
        }

        /** See {@link RuleBasedSettings#ventRhPband()}. */
        public Builder ventRhPband(double v) {
            ventRhPband = v;
            return this;
        }

        /** See {@link RuleBasedSettings#tVentOff()}. */
        public Builder tVentOff(double v) {
            tVentOff = v;
            return this;
        }

        /** See {@link RuleBasedSettings#ventColdPband()}. */
        public Builder ventColdPband(double v) {
            ventColdPband = v;
            return this;
        }

        /** See {@link RuleBasedSettings#thScrSpDay()}. */
        public Builder thScrSpDay(double v) {
            thScrSpDay = v;
            return this;
        }

        /** See {@link RuleBasedSettings#thScrSpNight()}. */
        public Builder thScrSpNight(double v) {
            thScrSpNight = v;
            return this;
        }

        /** See {@link RuleBasedSettings#thScrPband()}. */
        public Builder thScrPband(double v) {
            thScrPband = v;
            return this;
        }

        /** See {@link RuleBasedSettings#thScrMaxRh()}. */
        public Builder thScrMaxRh(double v) {
            thScrMaxRh = v;
            return this;
        }

        /** See {@link RuleBasedSettings#thScrRhPband()}. */
        public Builder thScrRhPband(double v) {
            thScrRhPband = v;
            return this;
        }

        /** See {@link RuleBasedSettings#thScrDeadZone()}. */
        public Builder thScrDeadZone(double v) {
            thScrDeadZone = v;
            return this;
        }

        /** See {@link RuleBasedSettings#useBlScr()}. */
        public Builder useBlScr(boolean v) {
            useBlScr = v;
            return this;
        }

        /** See {@link RuleBasedSettings#blScrExtraRh()}. */
        public Builder blScrExtraRh(double v) {
            blScrExtraRh = v;
            return this;
        }

        /** See {@link RuleBasedSettings#lampTimeOn()}. */
        public Builder lampTimeOn(double v) {
            lampTimeOn = v;
            return this;
        }

        /** See {@link RuleBasedSettings#lampTimeOff()}. */
        public Builder lampTimeOff(double v) {
            lampTimeOff = v;
            return this;
        }

        /** See {@link RuleBasedSettings#dayLampStart()}. */
        public Builder dayLampStart(double v) {
            dayLampStart = v;
            return this;
        }

        /** See {@link RuleBasedSettings#dayLampStop()}. */
        public Builder dayLampStop(double v) {
            dayLampStop = v;
            return this;
        }

        /** See {@link RuleBasedSettings#lampsOffSun()}. */
        public Builder lampsOffSun(double v) {
            lampsOffSun = v;
            return this;
        }

        /** See {@link RuleBasedSettings#lampRadSumLimit()}. */
        public Builder lampRadSumLimit(double v) {
            lampRadSumLimit = v;
            return this;
        }

        /** See {@link RuleBasedSettings#lampExtraHeat()}. */
        public Builder lampExtraHeat(double v) {
            lampExtraHeat = v;
            return this;
        }

        /** See {@link RuleBasedSettings#co2SpDay()}. */
        public Builder co2SpDay(double v) {
            co2SpDay = v;
            return this;
        }

        /** See {@link RuleBasedSettings#co2Band()}. */
        public Builder co2Band(double v) {
            co2Band = v;
            return this;
        }

        /**
         * Checks every value and returns the settings.
         *
         * @throws IllegalArgumentException naming the first field whose value is not finite or outside its allowed
         *     range, with that value and the range
         */
        public RuleBasedSettings build() {
            closed("tSpDay", tSpDay, 0, 40, "°C");
            closed("tSpNight", tSpNight, 0, 40, "°C");
            closed("heatCorrection", heatCorrection, -10, 10, "°C");
            negative("tHeatBand", tHeatBand, -10, "°C");
            closed("heatDeadZone", heatDeadZone, 0, 20, "°C");
            positive("ventHeatPband", ventHeatPband, 20, "°C");
            closed("rhMax", rhMax, 0, 100, "%");
            positive("ventRhPband", ventRhPband, 100, "%");
            closed("tVentOff", tVentOff, 0, 20, "°C");
            negative("ventColdPband", ventColdPband, -10, "°C");
            closed("thScrSpDay", thScrSpDay, -30, 40, "°C");
            closed("thScrSpNight", thScrSpNight, -30, 40, "°C");
            negative("thScrPband", thScrPband, -10, "°C");
            closed("thScrMaxRh", thScrMaxRh, -100, 100, "%");
            positive("thScrRhPband", thScrRhPband, 100, "%");
            closed("thScrDeadZone", thScrDeadZone, 0, 20, "°C");
            closed("blScrExtraRh", blScrExtraRh, 0, 100, "%");
            closed("lampTimeOn", lampTimeOn, 0, 24, "h");
            closed("lampTimeOff", lampTimeOff, 0, 24, "h");
            closed("dayLampStart", dayLampStart, -1, 400, "day of year");
            closed("dayLampStop", dayLampStop, -1, 400, "day of year");
            closed("lampsOffSun", lampsOffSun, 0, 1500, "W/m2");
            closed("lampRadSumLimit", lampRadSumLimit, 0, 50, "MJ/m2/day");
            closed("lampExtraHeat", lampExtraHeat, 0, 100, "°C");
            closed("co2SpDay", co2SpDay, 0, 5000, "ppm");
            negative("co2Band", co2Band, -1000, "ppm");
            return new RuleBasedSettings(this);
        }

        private static void closed(String field, double v, double min, double max, String unit) {
            if (!(v >= min && v <= max)) {
                throw outside(field, v, "[" + num(min) + ", " + num(max) + "]", unit, "");
            }
        }

        /** A P-band that must be negative: [min, 0). */
        private static void negative(String field, double v, double min, String unit) {
            if (!(v >= min && v < 0)) {
                throw outside(
                        field, v, "[" + num(min) + ", 0)", unit, " (a P-band whose action grows as the value falls)");
            }
        }

        /** A P-band that must be positive: (0, max]. */
        private static void positive(String field, double v, double max, String unit) {
            if (!(v > 0 && v <= max)) {
                throw outside(
                        field, v, "(0, " + num(max) + "]", unit, " (a P-band whose action grows as the value rises)");
            }
        }

        private static IllegalArgumentException outside(
                String field, double v, String range, String unit, String note) {
            String problem = Double.isFinite(v)
                    ? num(v) + " " + unit + " is outside the allowed range "
                    : v + " is not a finite number; the allowed range is ";
            return new IllegalArgumentException(
                    "rule-based settings: " + field + " = " + problem + range + " " + unit + note);
        }

        private static String num(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }
}
