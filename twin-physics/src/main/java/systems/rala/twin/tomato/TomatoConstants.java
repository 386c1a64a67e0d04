package systems.rala.twin.tomato;

import systems.rala.twin.model.Parameters;

/**
 * The parameters of one tomato greenhouse as final fields, plus the derived constants, computed once when a
 * model is built (GreenLight computes them as expressions; Vanthoor 2011 eqs. 8.18–8.24). Read in the hot
 * path instead of map look-ups. Field names and units are those of {@link TomatoParameters}.
 */
final class TomatoConstants {

    // physical constants and crop physics
    final double alfaLeafAir, latent, sigma, epsCan, epsSky, etaGlobPar, etaGlobNir, etaMgPpm, etaRoofThr, rhoAir0;
    final double rhoCanPar, rhoCanNir, gammaPsych, capLeaf, cEvap1, cEvap2, cEvap3Day, cEvap3Night, cEvap4Day;
    final double cEvap4Night, cPAir, g, k1Par, k2Par, kNir, kFir, mAir, mWater, gasR, rCanSp, rB, rSMin, sRsSlope;
    final double parJtoUmolSun;
    // construction
    final double etaGlobAir, aCov, aFlr, cHecIn, cHecOut1, cHecOut2, cHecOut3, hAir, hGh, hElevation, aRoof, aSide;
    final double cDgh, cLeakage, cWgh, hSideRoof, hVent, cLeakTop, lPipe, phiPipeE, epsPipe, pBoil, phiExtCo2;
    final double lGroPipe, phiGroPipeE, epsGroPipe, pBoilGro;
    // optics of cover and screens
    final double tauRfPar, rhoRfPar, tauRfNir, rhoRfNir, tauThScrPar, rhoThScrPar, tauThScrNir, rhoThScrNir;
    final double tauThScrFir, epsThScrFir, kThScr, tauBlScrPar, rhoBlScrPar, tauBlScrNir, rhoBlScrNir, tauBlScrFir;
    final double epsBlScrFir, kBlScr, epsFlr, rhoFlrPar, rhoFlrNir;
    // lamps and inter-lights
    final double thetaLampMax, etaLampPar, etaLampNir, zetaLampPar, capLamp, cHecLampAir, epsLampTop, epsLampBottom;
    final double aLamp, rhoLampPar, rhoLampNir, etaLampCool;
    final double thetaIntLampMax, etaIntLampPar, etaIntLampNir, zetaIntLampPar, capIntLamp, cHecIntLampAir, aIntLamp;
    final double epsIntLamp, tauIntLampFir, fIntLampDown, vIntLampPos, k1IntPar, k2IntPar, kIntNir, kIntFir;
    // crop
    final double sla, alpha, theta, etaCo2AirStom, cGamma, j25LeafMax, eJ, hDeact, sEntropy, t25k, mCh2o, mCo2;
    final double cBufMax, cBufMin, rgFruit, rgLeaf, rgStem, cFruitG, cLeafG, cStemG, cFruitM, cLeafM, cStemM;
    final double q10m, tEndSum, tCanMin, tCanMax, tCan24Min, tCan24Max, cFruitMax, leafHarMaxRate, fruitHarMaxRate;
    final double harvestSmooth, dmcFruit;

    // derived (Vanthoor 2011 eqs. 8.18-8.24, GreenLight)
    /** Air density used in capacities and ventilation heat flows [kg m-3]; V eq. 8.24. */
    final double rhoAirCap;
    /** Atmospheric pressure at the greenhouse's elevation [Pa]; GreenLight. */
    final double pressure;

    final double capAir, capTop, capFlr, capSo1, capSo2, capSo3, capSo4, capSo5, capThScr, capBlScr;
    final double capPipe, capGroPipe, capCovIn, capCovE, hecCovInCovE, capCo2Air, capCo2Top;
    final double hecFlrSo1, hecSo1So2, hecSo2So3, hecSo3So4, hecSo4So5, hecSo5SoOut;
    final double aPipe, fCanFlr, aGroPipe, tauLampPar, tauLampNir, tauLampFir;
    final double tauCovFir, rhoCovFir, epsCovFir;
    final double cLeafMax, etaInsScr, etaRoof, etaSide, maintenanceRgrFactor, aCovPerFlr;

    TomatoConstants(Parameters p) {
        alfaLeafAir = p.get("alfaLeafAir");
        latent = p.get("L");
        sigma = p.get("sigma");
        epsCan = p.get("epsCan");
        epsSky = p.get("epsSky");
        etaGlobPar = p.get("etaGlobPar");
        etaGlobNir = p.get("etaGlobNir");
        etaMgPpm = p.get("etaMgPpm");
        etaRoofThr = p.get("etaRoofThr");
        rhoAir0 = p.get("rhoAir0");
        rhoCanPar = p.get("rhoCanPar");
        rhoCanNir = p.get("rhoCanNir");
        gammaPsych = p.get("gammaPsych");
        capLeaf = p.get("capLeaf");
        cEvap1 = p.get("cEvap1");
        cEvap2 = p.get("cEvap2");
        cEvap3Day = p.get("cEvap3Day");
        cEvap3Night = p.get("cEvap3Night");
        cEvap4Day = p.get("cEvap4Day");
        cEvap4Night = p.get("cEvap4Night");
        cPAir = p.get("cPAir");
        g = p.get("g");
        k1Par = p.get("k1Par");
        k2Par = p.get("k2Par");
        kNir = p.get("kNir");
        kFir = p.get("kFir");
        mAir = p.get("mAir");
        mWater = p.get("mWater");
        gasR = p.get("R");
        rCanSp = p.get("rCanSp");
        rB = p.get("rB");
        rSMin = p.get("rSMin");
        sRsSlope = p.get("sRsSlope");
        parJtoUmolSun = p.get("parJtoUmolSun");

        etaGlobAir = p.get("etaGlobAir");
        aCov = p.get("aCov");
        aFlr = p.get("aFlr");
        cHecIn = p.get("cHecIn");
        cHecOut1 = p.get("cHecOut1");
        cHecOut2 = p.get("cHecOut2");
        cHecOut3 = p.get("cHecOut3");
        hAir = p.get("hAir");
        hGh = p.get("hGh");
        hElevation = p.get("hElevation");
        aRoof = p.get("aRoof");
        aSide = p.get("aSide");
        cDgh = p.get("cDgh");
        cLeakage = p.get("cLeakage");
        cWgh = p.get("cWgh");
        hSideRoof = p.get("hSideRoof");
        hVent = p.get("hVent");
        cLeakTop = p.get("cLeakTop");
        lPipe = p.get("lPipe");
        phiPipeE = p.get("phiPipeE");
        double phiPipeI = p.get("phiPipeI");
        epsPipe = p.get("epsPipe");
        pBoil = p.get("pBoil");
        phiExtCo2 = p.get("phiExtCo2");
        lGroPipe = p.get("lGroPipe");
        phiGroPipeE = p.get("phiGroPipeE");
        double phiGroPipeI = p.get("phiGroPipeI");
        epsGroPipe = p.get("epsGroPipe");
        pBoilGro = p.get("pBoilGro");

        tauRfPar = p.get("tauRfPar");
        rhoRfPar = p.get("rhoRfPar");
        tauRfNir = p.get("tauRfNir");
        rhoRfNir = p.get("rhoRfNir");
        tauThScrPar = p.get("tauThScrPar");
        rhoThScrPar = p.get("rhoThScrPar");
        tauThScrNir = p.get("tauThScrNir");
        rhoThScrNir = p.get("rhoThScrNir");
        tauThScrFir = p.get("tauThScrFir");
        epsThScrFir = p.get("epsThScrFir");
        kThScr = p.get("kThScr");
        tauBlScrPar = p.get("tauBlScrPar");
        rhoBlScrPar = p.get("rhoBlScrPar");
        tauBlScrNir = p.get("tauBlScrNir");
        rhoBlScrNir = p.get("rhoBlScrNir");
        tauBlScrFir = p.get("tauBlScrFir");
        epsBlScrFir = p.get("epsBlScrFir");
        kBlScr = p.get("kBlScr");
        epsFlr = p.get("epsFlr");
        rhoFlrPar = p.get("rhoFlrPar");
        rhoFlrNir = p.get("rhoFlrNir");

        thetaLampMax = p.get("thetaLampMax");
        etaLampPar = p.get("etaLampPar");
        etaLampNir = p.get("etaLampNir");
        zetaLampPar = p.get("zetaLampPar");
        capLamp = p.get("capLamp");
        cHecLampAir = p.get("cHecLampAir");
        epsLampTop = p.get("epsLampTop");
        epsLampBottom = p.get("epsLampBottom");
        aLamp = p.get("aLamp");
        rhoLampPar = p.get("rhoLampPar");
        rhoLampNir = p.get("rhoLampNir");
        etaLampCool = p.get("etaLampCool");
        thetaIntLampMax = p.get("thetaIntLampMax");
        etaIntLampPar = p.get("etaIntLampPar");
        etaIntLampNir = p.get("etaIntLampNir");
        zetaIntLampPar = p.get("zetaIntLampPar");
        capIntLamp = p.get("capIntLamp");
        cHecIntLampAir = p.get("cHecIntLampAir");
        aIntLamp = p.get("aIntLamp");
        epsIntLamp = p.get("epsIntLamp");
        tauIntLampFir = p.get("tauIntLampFir");
        fIntLampDown = p.get("fIntLampDown");
        vIntLampPos = p.get("vIntLampPos");
        k1IntPar = p.get("k1IntPar");
        k2IntPar = p.get("k2IntPar");
        kIntNir = p.get("kIntNir");
        kIntFir = p.get("kIntFir");

        sla = p.get("sla");
        alpha = p.get("alpha");
        theta = p.get("theta");
        etaCo2AirStom = p.get("etaCo2AirStom");
        cGamma = p.get("cGamma");
        j25LeafMax = p.get("j25LeafMax");
        eJ = p.get("eJ");
        hDeact = p.get("H");
        sEntropy = p.get("S");
        t25k = p.get("t25k");
        mCh2o = p.get("mCh2o");
        mCo2 = p.get("mCo2");
        cBufMax = p.get("cBufMax");
        cBufMin = p.get("cBufMin");
        rgFruit = p.get("rgFruit");
        rgLeaf = p.get("rgLeaf");
        rgStem = p.get("rgStem");
        cFruitG = p.get("cFruitG");
        cLeafG = p.get("cLeafG");
        cStemG = p.get("cStemG");
        cFruitM = p.get("cFruitM");
        cLeafM = p.get("cLeafM");
        cStemM = p.get("cStemM");
        q10m = p.get("q10m");
        tEndSum = p.get("tEndSum");
        tCanMin = p.get("tCanMin");
        tCanMax = p.get("tCanMax");
        tCan24Min = p.get("tCan24Min");
        tCan24Max = p.get("tCan24Max");
        cFruitMax = p.get("cFruitMax");
        leafHarMaxRate = p.get("leafHarMaxRate");
        fruitHarMaxRate = p.get("fruitHarMaxRate");
        harvestSmooth = p.get("harvestSmooth");
        dmcFruit = p.get("dmcFruit");

        if (!(hGh > hAir)) {
            throw new IllegalArgumentException("parameter hGh = " + hGh + " m must exceed hAir = " + hAir
                    + " m: the top compartment needs a height");
        }
        if (!(phiPipeI < phiPipeE) || !(phiGroPipeI < phiGroPipeE)) {
            throw new IllegalArgumentException("pipe internal diameters (phiPipeI " + phiPipeI + ", phiGroPipeI "
                    + phiGroPipeI + ") must be smaller than the external ones (phiPipeE " + phiPipeE + ", phiGroPipeE "
                    + phiGroPipeE + ")");
        }
        if (!(aRoof + aSide > 0)) {
            throw new IllegalArgumentException("aRoof + aSide must be positive (vent partition, V p. 224)");
        }

        double rhoSteel = p.get("rhoSteel");
        double rhoWater = p.get("rhoWater");
        double cPSteel = p.get("cPSteel");
        double cPWater = p.get("cPWater");
        rhoAirCap = rhoAir0 * Math.exp(g * mAir * hElevation / (293.15 * gasR)); // V eq. 8.24 as in GreenLight
        pressure = 101325 * Math.pow(1 - 2.5577e-5 * hElevation, 5.25588);
        capAir = hAir * rhoAirCap * cPAir;
        capTop = (hGh - hAir) * rhoAirCap * cPAir;
        capFlr = p.get("hFlr") * p.get("rhoFlr") * p.get("cPFlr");
        double rhoCpSo = p.get("rhoCpSo");
        double lambdaSo = p.get("lambdaSo");
        double hSo1 = p.get("hSo1");
        double hSo2 = p.get("hSo2");
        double hSo3 = p.get("hSo3");
        double hSo4 = p.get("hSo4");
        double hSo5 = p.get("hSo5");
        capSo1 = hSo1 * rhoCpSo;
        capSo2 = hSo2 * rhoCpSo;
        capSo3 = hSo3 * rhoCpSo;
        capSo4 = hSo4 * rhoCpSo;
        capSo5 = hSo5 * rhoCpSo;
        capThScr = p.get("hThScr") * p.get("rhoThScr") * p.get("cPThScr");
        capBlScr = p.get("hBlScr") * p.get("rhoBlScr") * p.get("cPBlScr");
        capPipe = 0.25
                * Math.PI
                * lPipe
                * ((phiPipeE * phiPipeE - phiPipeI * phiPipeI) * rhoSteel * cPSteel
                        + phiPipeI * phiPipeI * rhoWater * cPWater);
        capGroPipe = 0.25
                * Math.PI
                * lGroPipe
                * ((phiGroPipeE * phiGroPipeE - phiGroPipeI * phiGroPipeI) * rhoSteel * cPSteel
                        + phiGroPipeI * phiGroPipeI * rhoWater * cPWater);
        // V eqs. 8.18 and 8.21: the lumped cover (no whitewash) is split 10 %/10 % over its two faces
        double capCov = Math.cos(Math.toRadians(p.get("psi"))) * p.get("hRf") * p.get("rhoRf") * p.get("cPRf");
        capCovIn = 0.1 * capCov;
        capCovE = 0.1 * capCov;
        hecCovInCovE = 1.0 / (p.get("hRf") / p.get("lambdaRf")); // V eq. 8.19
        capCo2Air = hAir;
        capCo2Top = hGh - hAir;
        // V eq. 8.4 (soil layers) and 8.78 (conduction between layers)
        double hFlr = p.get("hFlr");
        hecFlrSo1 = 2.0 / (hFlr / p.get("lambdaFlr") + hSo1 / lambdaSo);
        hecSo1So2 = 2.0 * lambdaSo / (hSo1 + hSo2);
        hecSo2So3 = 2.0 * lambdaSo / (hSo2 + hSo3);
        hecSo3So4 = 2.0 * lambdaSo / (hSo3 + hSo4);
        hecSo4So5 = 2.0 * lambdaSo / (hSo4 + hSo5);
        hecSo5SoOut = 2.0 * lambdaSo / (hSo5 + p.get("hSoOut"));
        aPipe = Math.PI * lPipe * phiPipeE;
        fCanFlr = 1 - 0.49 * Math.PI * lPipe * phiPipeE;
        aGroPipe = Math.PI * lGroPipe * phiGroPipeE;
        tauLampPar = 1 - aLamp;
        tauLampNir = 1 - aLamp;
        tauLampFir = 1 - aLamp;
        // FIR properties of the cover (roof only; screens and lamps enter the view factors): V eqs. 8.14-8.15
        double tauRfFir = p.get("tauRfFir");
        double rhoRfFir = p.get("rhoRfFir");
        tauCovFir = tauRfFir;
        rhoCovFir = rhoRfFir;
        epsCovFir = 1 - tauCovFir - rhoCovFir;
        cLeafMax = p.get("laiMax") / sla; // V eq. 9.46
        double zetaInsScr = p.get("zetaInsScr");
        etaInsScr = zetaInsScr * (2 - zetaInsScr); // V eq. 8.70
        etaRoof = aRoof / (aRoof + aSide);
        etaSide = aSide / (aRoof + aSide);
        maintenanceRgrFactor = 1 - Math.exp(-p.get("cRgr") * p.get("rgr")); // V eq. 9.45
        aCovPerFlr = aCov / aFlr;
    }
}
