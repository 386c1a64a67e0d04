// Vapour pressure deficit from air temperature and relative humidity, as FAO Irrigation and Drainage Paper 56
// computes it (Allen, Pereira, Raes and Smith 1998, "Crop evapotranspiration", ch. 3): saturation vapour
// pressure by eq. 11, the Tetens form e°(T) = 0.6108 exp(17.27 T / (T + 237.3)) [kPa, T in °C] (tabulated in its
// Annex 2, Table 2.3), actual vapour pressure e_a = e°(T) RH / 100 (eq. 19 with one humidity), VPD = e° − e_a.
// The service's daily metrics use the same equations (metrics.Vpd).

/** Saturation vapour pressure over water [kPa] of air at `tempC` [°C] (FAO-56 eq. 11). */
export function saturationKpa(tempC: number): number {
  return 0.6108 * Math.exp((17.27 * tempC) / (tempC + 237.3));
}

/** Vapour pressure deficit [kPa] of air at `tempC` [°C] and `rhPct` [%]; RH outside 0..100 is clamped. */
export function vpdKpa(tempC: number, rhPct: number): number {
  const rh = Math.min(100, Math.max(0, rhPct));
  return saturationKpa(tempC) * (1 - rh / 100);
}
