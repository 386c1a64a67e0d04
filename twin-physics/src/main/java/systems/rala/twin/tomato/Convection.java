package systems.rala.twin.tomato;

/**
 * Convective and conductive heat exchange (Vanthoor 2011 eq. 8.40 and Table 8.4; Katzin 2021 thesis eqs.
 * 7.31–7.35): flux = HEC·(T1 − T2) [W m⁻²], with heat-exchange coefficients that depend on temperature
 * differences, screen closures, leaf area and wind. Ventilation heat flows use the air fluxes of {@link
 * Ventilation}, which must run first.
 */
final class Convection {

    private Convection() {}

    static void compute(
            TomatoConstants c,
            double tCan,
            double tAir,
            double tFlr,
            double tSo1,
            double tSo2,
            double tSo3,
            double tSo4,
            double tSo5,
            double tThScr,
            double tBlScr,
            double tTop,
            double tCovIn,
            double tCovE,
            double tPipe,
            double tGroPipe,
            double tLamp,
            double tIntLamp,
            double uThScr,
            double uBlScr,
            Aux a) {
        a.hCanAir = 2 * c.alfaLeafAir * a.lai * (tCan - tAir);
        // floor-air: free convection upward (1.7 |dT|^0.33) or downward (1.3 |dT|^0.25), V Table 8.4
        double hecAirFlr = tFlr > tAir ? 1.7 * Math.pow(tFlr - tAir, 0.33) : 1.3 * Math.pow(tAir - tFlr, 0.25);
        a.hAirFlr = hecAirFlr * (tAir - tFlr);
        a.hAirThScr = 1.7 * uThScr * Math.pow(Math.abs(tAir - tThScr), 0.33) * (tAir - tThScr);
        a.hAirBlScr = 1.7 * uBlScr * Math.pow(Math.abs(tAir - tBlScr), 0.33) * (tAir - tBlScr);
        a.hThScrTop = 1.7 * uThScr * Math.pow(Math.abs(tThScr - tTop), 0.33) * (tThScr - tTop);
        a.hBlScrTop = 1.7 * uBlScr * Math.pow(Math.abs(tBlScr - tTop), 0.33) * (tBlScr - tTop);
        a.hTopCovIn = c.cHecIn * Math.pow(Math.abs(tTop - tCovIn), 0.33) * c.aCovPerFlr * (tTop - tCovIn);
        a.hCovEOut = c.aCovPerFlr * (c.cHecOut1 + c.cHecOut2 * Math.pow(a.wind, c.cHecOut3)) * (tCovE - a.tOut);
        a.hCovInCovE = c.hecCovInCovE * (tCovIn - tCovE);
        a.hPipeAir = 1.99 * Math.PI * c.phiPipeE * c.lPipe * Math.pow(Math.abs(tPipe - tAir), 0.32) * (tPipe - tAir);
        a.hGroPipeAir = 1.99
                * Math.PI
                * c.phiGroPipeE
                * c.lGroPipe
                * Math.pow(Math.abs(tGroPipe - tAir), 0.32)
                * (tGroPipe - tAir);
        a.hLampAir = c.cHecLampAir * (tLamp - tAir);
        a.hIntLampAir = c.cHecIntLampAir * (tIntLamp - tAir);
        // soil conduction, V eqs. 8.4 and 8.78; the lowest layer exchanges with the outer soil (an input)
        a.hFlrSo1 = c.hecFlrSo1 * (tFlr - tSo1);
        a.hSo1So2 = c.hecSo1So2 * (tSo1 - tSo2);
        a.hSo2So3 = c.hecSo2So3 * (tSo2 - tSo3);
        a.hSo3So4 = c.hecSo3So4 * (tSo3 - tSo4);
        a.hSo4So5 = c.hecSo4So5 * (tSo4 - tSo5);
        a.hSo5SoOut = c.hecSo5SoOut * (tSo5 - a.tSoOut);
        // heat carried by the air exchanged through vents, leakage and the screens (V Table 8.4)
        double rhoCp = c.rhoAirCap * c.cPAir;
        a.hAirOut = rhoCp * a.fVentSide * (tAir - a.tOut);
        a.hAirTop = rhoCp * a.fScr * (tAir - tTop);
        a.hTopOut = rhoCp * a.fVentRoof * (tTop - a.tOut);
    }
}
