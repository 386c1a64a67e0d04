package systems.rala.twin.tomato;

/**
 * The simplified tomato crop of Vanthoor (2011) chapter 9 as in GreenLight: canopy photosynthesis limited by
 * electron transport (eqs. 9.10–9.23), a carbohydrate buffer distributing to fruit, leaves and stems with
 * smooth temperature and buffer inhibitions (eqs. 9.24–9.28, App. B), growth and maintenance respiration
 * (eqs. 9.43–9.45), leaf pruning above the maximum leaf area and fruit harvest above the maximum fruit load
 * (Katzin 2021 thesis eqs. 7.43–7.45). One lumped fruit state (no development stages). Rates in mg{CH2O} m⁻²
 * s⁻¹; {@code mcAirCan} in mg{CO2} m⁻² s⁻¹.
 */
final class Crop {

    private static final double LN100 = Math.log(100);

    private Crop() {}

    /** Smooth switch rising from 1 % to 99 % of maxRate as x crosses cutOff ± smooth/2 (K21 eq. 7.45, V eq. B.5). */
    static double smoothHarvest(double x, double cutOff, double smooth, double maxRate) {
        return maxRate / (1 + Math.exp(-(x - cutOff) * 2 * LN100 / smooth));
    }

    static void compute(
            TomatoConstants c,
            double tCan,
            double cBuf,
            double cLeaf,
            double cStem,
            double cFruit,
            double tCanSum,
            double tCan24,
            Aux a) {
        double lai = a.lai;
        // photosynthesis (V eqs. 9.10-9.23); the gas constant in J mol-1 K-1 is 1e-3 R
        double rMol = 1e-3 * c.gasR;
        double tK = tCan + 273.15;
        double j25CanMax = lai * c.j25LeafMax;
        a.jPot = j25CanMax
                * Math.exp(c.eJ * (tK - c.t25k) / (rMol * tK * c.t25k))
                * (1 + Math.exp((c.sEntropy * c.t25k - c.hDeact) / (rMol * c.t25k)))
                / (1 + Math.exp((c.sEntropy * tK - c.hDeact) / (rMol * tK)));
        double ap = c.alpha * a.parCan;
        double sum = a.jPot + ap;
        a.j = (sum - Math.sqrt(Math.max(0.0, sum * sum - 4 * c.theta * a.jPot * ap))) / (2 * c.theta);
        double co2Stom = c.etaCo2AirStom * a.co2InPpm;
        double leafShare = lai > 0 ? c.j25LeafMax / j25CanMax : 0.0; // 1/lai
        a.gamma = leafShare * c.cGamma * tCan + 20 * c.cGamma * (1 - leafShare);
        a.p = a.j * (co2Stom - a.gamma) / (4 * (co2Stom + 2 * a.gamma));
        a.r = co2Stom > 0 ? a.p * a.gamma / co2Stom : 0.0;
        double hAirBuf = 1 / (1 + Math.exp(5e-4 * (cBuf - c.cBufMax)));
        a.mcAirBuf = c.mCh2o * hAirBuf * (a.p - a.r);

        // carbohydrate distribution (V eqs. 9.24-9.28, B.1-B.6)
        double hBufOrg = 1 / (1 + Math.exp(-5e-3 * (cBuf - c.cBufMin)));
        double hTCan =
                1 / (1 + Math.exp(-0.869 * (tCan - c.tCanMin))) * 1 / (1 + Math.exp(0.5793 * (tCan - c.tCanMax)));
        double hTCan24 = 1
                / (1 + Math.exp(-1.1587 * (tCan24 - c.tCan24Min)))
                * 1
                / (1 + Math.exp(1.3904 * (tCan24 - c.tCan24Max)));
        double s = tCanSum / c.tEndSum;
        double hTCanSum = 0.5 * (s + Math.sqrt(s * s + 1e-4)) - 0.5 * ((s - 1) + Math.sqrt((s - 1) * (s - 1) + 1e-4));
        double gTCan24 = 0.047 * tCan24 + 0.06;
        double orgFactor = hBufOrg * hTCan24 * gTCan24;
        a.mcBufFruit = orgFactor * hTCan * hTCanSum * c.rgFruit;
        a.mcBufLeaf = orgFactor * c.rgLeaf;
        a.mcBufStem = orgFactor * c.rgStem;

        // respiration (V eqs. 9.43-9.45): growth respiration from the buffer, maintenance from the organs
        a.mcBufAir = c.cLeafG * a.mcBufLeaf + c.cStemG * a.mcBufStem + c.cFruitG * a.mcBufFruit;
        double maint = c.maintenanceRgrFactor * Math.pow(c.q10m, 0.1 * (tCan24 - 25));
        a.mcLeafAir = maint * cLeaf * c.cLeafM;
        a.mcStemAir = maint * cStem * c.cStemM;
        a.mcFruitAir = maint * cFruit * c.cFruitM;
        a.mcOrgAir = a.mcLeafAir + a.mcStemAir + a.mcFruitAir;

        // pruning and harvest (K21 eqs. 7.43-7.45)
        a.mcLeafHar = smoothHarvest(cLeaf, c.cLeafMax, c.harvestSmooth, c.leafHarMaxRate);
        a.mcFruitHar = smoothHarvest(cFruit, c.cFruitMax, c.harvestSmooth, c.fruitHarMaxRate);

        // net CO2 uptake of the crop: one mol CO2 per mol CH2O fixed or respired
        a.mcAirCan = c.mCo2 / c.mCh2o * (a.mcAirBuf - a.mcBufAir - a.mcOrgAir);
    }
}
