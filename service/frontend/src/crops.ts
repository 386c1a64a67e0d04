// Default target bands per crop, against which the overview marks each reading. Defaults only: the grower's
// own strategy may differ. Units: °C, %, kPa, ppm, mol m⁻² d⁻¹.
//
// Tomato: air temperature from the heating set-point to where the vents open for heat (set-point + the 5 °C
// dead zone), with the set-points of RALA's rule-based controller (policy-runtime RuleBasedSettings: tSpDay
// 19.5 °C, tSpNight 18.5 °C, heatDeadZone 5 °C; GreenLight, Katzin 2021 Table 4.2 and §2.3.2, after Raaphorst et
// al. 2019); RH from the GreenLight-Gym lower limit (50 %, REFERENCES.md) to the controller's rhMax (87 %);
// CO2 from outdoor air (400 ppm) to the controller's co2SpDay (1000 ppm); DLI 20–30 mol m⁻² d⁻¹ (Dorais 2003,
// "The use of supplemental lighting for vegetable crop production", Canadian Greenhouse Conference).
// Lettuce: the bands of RALA's lettuce environment (rl-env LettuceEnv, after RL-SMPC LettuceGreenhouse.yml):
// 10–20 °C day and night, RH up to 80 %, CO2 500–1600 ppm; DLI 12–17 mol m⁻² d⁻¹ (Both et al. 1997, Acta
// Horticulturae 418: 17 mol m⁻² d⁻¹ without tip-burn).
// VPD for both: 0.45–1.25 kPa (Prenger and Ling, "Greenhouse condensation control: understanding and using
// vapor pressure deficit", Ohio State University Extension fact sheet AEX-800).

export interface Band {
  min: number;
  max: number;
}

export interface CropTargets {
  label: string;
  airTemperatureDay: Band;
  airTemperatureNight: Band;
  relativeHumidity: Band;
  vpd: Band;
  co2: Band;
  dli: Band;
}

export const CROPS: Record<string, CropTargets> = {
  tomato: {
    label: "Tomato",
    airTemperatureDay: { min: 19.5, max: 24.5 },
    airTemperatureNight: { min: 18.5, max: 23.5 },
    relativeHumidity: { min: 50, max: 87 },
    vpd: { min: 0.45, max: 1.25 },
    co2: { min: 400, max: 1000 },
    dli: { min: 20, max: 30 },
  },
  lettuce: {
    label: "Lettuce",
    airTemperatureDay: { min: 10, max: 20 },
    airTemperatureNight: { min: 10, max: 20 },
    relativeHumidity: { min: 0, max: 80 },
    vpd: { min: 0.45, max: 1.25 },
    co2: { min: 500, max: 1600 },
    dli: { min: 12, max: 17 },
  },
};

/** The targets of a crop by name (case-insensitive), or tomato's for a crop without its own table. */
export function targetsFor(crop: string | null | undefined): { targets: CropTargets; known: boolean } {
  const key = (crop ?? "").trim().toLowerCase();
  const t = CROPS[key];
  return t ? { targets: t, known: true } : { targets: CROPS.tomato, known: false };
}

/** Day by the clock, 06:00 to 18:00 local time: a simplification where no light sensor says otherwise. */
export function isDaytime(now: Date): boolean {
  const h = now.getHours();
  return h >= 6 && h < 18;
}

export type BandState = "low" | "ok" | "high";

export function against(value: number, band: Band): BandState {
  return value < band.min ? "low" : value > band.max ? "high" : "ok";
}
