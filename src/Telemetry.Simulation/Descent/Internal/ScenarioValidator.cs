using Telemetry.Simulation.Core.Internal;

namespace Telemetry.Simulation.Descent.Internal;

/// <summary>Range checks on every scenario value; the first bad value throws with its JSON path.</summary>
internal static class ScenarioValidator
{
    public static void Validate(Scenario s, string source)
    {
        var c = new Checker(source);
        c.NotEmpty(s.Name, "$.name");
        c.Positive(s.StepS, "$.stepS");
        c.AtMost(s.StepS, 1, "$.stepS");
        c.Positive(s.MaxDurationS, "$.maxDurationS");
        for (var i = 0; i < s.AltitudeCrossingsM.Count; i++)
        {
            c.NonNegative(s.AltitudeCrossingsM[i], $"$.altitudeCrossingsM[{i}]");
        }

        var v = s.Vehicle;
        c.Positive(v.DryMassKg, "$.vehicle.dryMassKg");
        c.NonNegative(v.PropellantKg, "$.vehicle.propellantKg");
        c.Positive(v.MaxThrustN, "$.vehicle.maxThrustN");
        c.Positive(v.IspS, "$.vehicle.ispS");
        c.Fraction(v.MinThrottle, "$.vehicle.minThrottle");
        c.Positive(v.ThrottleRatePerS, "$.vehicle.throttleRatePerS");
        c.Positive(v.EngineCount, "$.vehicle.engineCount");
        if (s.EngineLoss is { } loss)
        {
            if (v.EngineCount < 2)
            {
                c.Fail("$.engineLoss", "needs vehicle.engineCount of at least 2 (one engine lost, one left).");
            }

            c.Positive(loss.AtAltitudeM, "$.engineLoss.atAltitudeM");
            c.Finite(loss.ThrustTiltDeg, "$.engineLoss.thrustTiltDeg");
            if (Math.Abs(loss.ThrustTiltDeg) >= 45)
            {
                c.Fail("$.engineLoss.thrustTiltDeg", "must lie strictly between -45 and 45.");
            }
        }

        c.Finite(s.Imu.VerticalBiasMps2, "$.imu.verticalBiasMps2");
        c.Finite(s.Imu.HorizontalBiasMps2, "$.imu.horizontalBiasMps2");
        c.NonNegative(s.Imu.NoiseDensityMps2PerSqrtHz, "$.imu.noiseDensityMps2PerSqrtHz");

        ValidateLrf(s.Lrf, c);
        ValidateNavigation(s.Navigation, c);
        ValidateGuidance(s.Guidance, v, c);

        c.NonNegative(s.Initial.AltitudeM, "$.initial.altitudeM");
        c.NonNegative(s.Initial.HorizontalSpeedMps, "$.initial.horizontalSpeedMps");
        c.Finite(s.Initial.DescentRateMps, "$.initial.descentRateMps");

        var profile = s.Terrain.Profile;
        c.Increasing(profile, p => p.DownrangeM, "$.terrain.profile", "downrangeM");
        for (var i = 0; i < profile.Count; i++)
        {
            c.Finite(profile[i].HeightM, $"$.terrain.profile[{i}].heightM");
        }

        c.Positive(s.Touchdown.MaxVerticalSpeedMps, "$.touchdown.maxVerticalSpeedMps");
        c.Positive(s.Touchdown.MaxHorizontalSpeedMps, "$.touchdown.maxHorizontalSpeedMps");

        var d = s.Dispersion;
        c.NonNegative(d.ImuBiasSigmaMps2, "$.dispersion.imuBiasSigmaMps2");
        c.NonNegative(d.ThrustScaleSigma, "$.dispersion.thrustScaleSigma");
        c.AtMost(d.ThrustScaleSigma, 0.2, "$.dispersion.thrustScaleSigma");
        c.NonNegative(d.LrfNoiseLogSigma, "$.dispersion.lrfNoiseLogSigma");
        c.NonNegative(d.InitialAltitudeSigmaM, "$.dispersion.initialAltitudeSigmaM");
        c.NonNegative(d.InitialHorizontalSpeedSigmaMps, "$.dispersion.initialHorizontalSpeedSigmaMps");
        c.NonNegative(d.InitialDescentRateSigmaMps, "$.dispersion.initialDescentRateSigmaMps");

        if (s.Reference is { } reference)
        {
            c.Figures(reference.Figures, f => f.Value, f => f.Tolerance);
        }
    }

    private static void ValidateLrf(LrfParameters l, Checker c)
    {
        c.Positive(l.MaxRangeM, "$.lrf.maxRangeM");
        c.Positive(l.RateHz, "$.lrf.rateHz");
        c.NonNegative(l.NoiseStdM, "$.lrf.noiseStdM");
        c.Finite(l.BiasM, "$.lrf.biasM");
        if (l.FirstValidAfterS is { } after)
        {
            c.NonNegative(after, "$.lrf.firstValidAfterS");
        }

        if (l.FirstValidBelowAltitudeM is { } below)
        {
            c.NonNegative(below, "$.lrf.firstValidBelowAltitudeM");
        }

        c.Fraction(l.DropoutProbability, "$.lrf.dropoutProbability");
        for (var i = 0; i < l.DropoutWindows.Count; i++)
        {
            c.NonNegative(l.DropoutWindows[i].StartS, $"$.lrf.dropoutWindows[{i}].startS");
            if (!(l.DropoutWindows[i].EndS >= l.DropoutWindows[i].StartS))
            {
                c.Fail($"$.lrf.dropoutWindows[{i}].endS", "must not be before startS.");
            }
        }
    }

    private static void ValidateNavigation(NavigationParameters n, Checker c)
    {
        c.Finite(n.InitialAltitudeErrorM, "$.navigation.initialAltitudeErrorM");
        c.Finite(n.InitialVerticalSpeedErrorMps, "$.navigation.initialVerticalSpeedErrorMps");
        c.Positive(n.InitialAltitudeSigmaM, "$.navigation.initialAltitudeSigmaM");
        c.Positive(n.InitialVerticalSpeedSigmaMps, "$.navigation.initialVerticalSpeedSigmaMps");
        c.NonNegative(n.ProcessNoiseMps2PerSqrtHz, "$.navigation.processNoiseMps2PerSqrtHz");
        c.Positive(n.LrfSigmaM, "$.navigation.lrfSigmaM");
        c.Positive(n.GateChiSquare, "$.navigation.gateChiSquare");
        c.Positive(n.LatchRejections, "$.navigation.latchRejections");
        c.Positive(n.ValidationCount, "$.navigation.validationCount");
        c.NonNegative(n.ReadmitAfterConsistent, "$.navigation.readmitAfterConsistent");
    }

    private static void ValidateGuidance(GuidanceParameters g, VehicleParameters v, Checker c)
    {
        c.Positive(g.CycleS, "$.guidance.cycleS");
        c.Positive(g.GateDownrangeM, "$.guidance.gateDownrangeM");
        c.Positive(g.GateAltitudeM, "$.guidance.gateAltitudeM");
        c.NonNegative(g.GateDescentRateMps, "$.guidance.gateDescentRateMps");
        c.NonNegative(g.GateHorizontalSpeedMps, "$.guidance.gateHorizontalSpeedMps");
        c.Positive(g.BrakingEndTimeToGoS, "$.guidance.brakingEndTimeToGoS");
        c.Fraction(g.HoldThrottle, "$.guidance.holdThrottle");
        if (g.HoldThrottle < v.MinThrottle)
        {
            c.Fail("$.guidance.holdThrottle", $"must not be below vehicle.minThrottle ({v.MinThrottle}).");
        }

        c.Positive(g.LandingBurnAltitudeM, "$.guidance.landingBurnAltitudeM");
        c.Positive(g.LandingBurnTimeFactor, "$.guidance.landingBurnTimeFactor");
        c.Positive(g.FullThrustRatio, "$.guidance.fullThrustRatio");
        c.Positive(g.LowGateAltitudeM, "$.guidance.lowGateAltitudeM");
        if (g.LowGateAltitudeM >= g.LandingBurnAltitudeM)
        {
            c.Fail("$.guidance.lowGateAltitudeM", "must be below landingBurnAltitudeM.");
        }

        c.NonNegative(g.LowGateDescentRateMps, "$.guidance.lowGateDescentRateMps");
        c.Positive(g.TerminalDescentRateMps, "$.guidance.terminalDescentRateMps");
        c.Positive(g.TerminalRateGainPerS, "$.guidance.terminalRateGainPerS");
        if (g.SilentLrfLowGateAltitudeM is { } silent)
        {
            c.Positive(silent, "$.guidance.silentLrfLowGateAltitudeM");
            if (silent >= g.LandingBurnAltitudeM)
            {
                c.Fail("$.guidance.silentLrfLowGateAltitudeM", "must be below landingBurnAltitudeM.");
            }
        }
    }
}
