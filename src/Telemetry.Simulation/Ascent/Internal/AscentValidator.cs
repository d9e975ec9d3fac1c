using Telemetry.Simulation.Core.Internal;

namespace Telemetry.Simulation.Ascent.Internal;

/// <summary>Range checks on every ascent scenario value; the first bad value throws with its JSON path.</summary>
internal static class AscentValidator
{
    public static void Validate(AscentScenario s, string source)
    {
        var c = new Checker(source);
        if (s.Kind != AscentScenarioCatalog.Kind)
        {
            c.Fail("$.kind", $"must be \"{AscentScenarioCatalog.Kind}\", got \"{s.Kind}\".");
        }

        c.NotEmpty(s.Name, "$.name");
        c.Positive(s.StepS, "$.stepS");
        c.AtMost(s.StepS, 0.1, "$.stepS");
        c.Positive(s.MaxDurationS, "$.maxDurationS");
        c.AtMost(Math.Abs(s.Launch.LatitudeDeg), 90, "$.launch.latitudeDeg");
        c.Finite(s.Launch.LongitudeDeg, "$.launch.longitudeDeg");
        c.Finite(s.Launch.AzimuthDeg, "$.launch.azimuthDeg");
        ValidateVehicle(s.Vehicle, c);

        var p = s.Programme;
        c.NonNegative(p.VerticalRiseS, "$.programme.verticalRiseS");
        c.Finite(p.KickAngleDeg, "$.programme.kickAngleDeg");
        c.Positive(p.KickDurationS, "$.programme.kickDurationS");
        c.NonNegative(p.GravityTurnStages, "$.programme.gravityTurnStages");
        c.NonNegative(p.PitchOverStages, "$.programme.pitchOverStages");
        c.NonNegative(p.PitchOverRateDegPerS, "$.programme.pitchOverRateDegPerS");
        c.Positive(p.HoldTimeConstantS, "$.programme.holdTimeConstantS");
        c.Positive(p.TargetPerigeeM, "$.programme.targetPerigeeM");
        c.Positive(p.MinOrbitPerigeeM, "$.programme.minOrbitPerigeeM");
        c.Positive(p.CommandRateLimitDegPerS, "$.programme.commandRateLimitDegPerS");

        c.NonNegative(s.Control.AttitudeGain, "$.control.attitudeGain");
        c.NonNegative(s.Control.RateGainS, "$.control.rateGainS");
        c.Positive(s.Control.LagS, "$.control.lagS");
        c.Positive(s.Control.LimitDeg, "$.control.limitDeg");

        c.Increasing(s.Wind.Profile, w => w.AltitudeM, "$.wind.profile", "altitudeM");
        for (var i = 0; i < s.Wind.Profile.Count; i++)
        {
            c.Finite(s.Wind.Profile[i].SpeedMps, $"$.wind.profile[{i}].speedMps");
        }

        for (var i = 0; i < s.Wind.Gusts.Count; i++)
        {
            var g = s.Wind.Gusts[i];
            c.NonNegative(g.FromAltitudeM, $"$.wind.gusts[{i}].fromAltitudeM");
            c.NonNegative(g.ToAltitudeM - g.FromAltitudeM, $"$.wind.gusts[{i}].toAltitudeM");
            c.Finite(g.AmplitudeMps, $"$.wind.gusts[{i}].amplitudeMps");
            c.Positive(g.PeriodS, $"$.wind.gusts[{i}].periodS");
        }

        var n = s.Navigation;
        c.NonNegative(n.PositionNoiseM, "$.navigation.positionNoiseM");
        c.NonNegative(n.VelocityNoiseMps, "$.navigation.velocityNoiseMps");
        c.NonNegative(n.AttitudeNoiseDeg, "$.navigation.attitudeNoiseDeg");
        c.NonNegative(n.RateNoiseDegPerS, "$.navigation.rateNoiseDegPerS");
        c.NonNegative(n.AccelerationNoiseMps2, "$.navigation.accelerationNoiseMps2");
        ValidateFaults(s.Faults, s.Vehicle.Stages.Count, c);
        ValidateAfts(s.Afts, c);
        c.Positive(s.Hazard.LossOfControlDeg, "$.hazard.lossOfControlDeg");

        var d = s.Dispersion;
        c.NonNegative(d.ThrustScaleSigma, "$.dispersion.thrustScaleSigma");
        c.AtMost(d.ThrustScaleSigma, 0.2, "$.dispersion.thrustScaleSigma");
        c.NonNegative(d.WindScaleSigma, "$.dispersion.windScaleSigma");
        c.NonNegative(d.TvcGainSigma, "$.dispersion.tvcGainSigma");
        c.NonNegative(d.DragScaleSigma, "$.dispersion.dragScaleSigma");
        c.NonNegative(d.NavigationNoiseLogSigma, "$.dispersion.navigationNoiseLogSigma");
        c.NonNegative(d.FaultTimeSigmaS, "$.dispersion.faultTimeSigmaS");
        c.NonNegative(d.FaultAngleSigma, "$.dispersion.faultAngleSigma");
        if (s.Reference is { } reference)
        {
            c.Figures(reference.Figures, f => f.Value, f => f.Tolerance);
        }
    }

    private static void ValidateVehicle(AscentVehicle v, Checker c)
    {
        c.Positive(v.LengthM, "$.vehicle.lengthM");
        c.Positive(v.DiameterM, "$.vehicle.diameterM");
        c.NonNegative(v.PayloadKg, "$.vehicle.payloadKg");
        c.NonNegative(v.FairingKg, "$.vehicle.fairingKg");
        c.NonNegative(v.FairingJettisonAltitudeM, "$.vehicle.fairingJettisonAltitudeM");
        c.NonNegative(v.NormalForceSlopePerRad, "$.vehicle.normalForceSlopePerRad");
        c.Finite(v.CentreOfPressureAheadM, "$.vehicle.centreOfPressureAheadM");
        c.Increasing(v.DragByMach, m => m.Mach, "$.vehicle.dragByMach", "mach");
        for (var i = 0; i < v.DragByMach.Count; i++)
        {
            c.NonNegative(v.DragByMach[i].Cd, $"$.vehicle.dragByMach[{i}].cd");
        }

        if (v.Stages.Count == 0)
        {
            c.Fail("$.vehicle.stages", "must list at least one stage.");
        }

        for (var i = 0; i < v.Stages.Count; i++)
        {
            var s = v.Stages[i];
            var at = $"$.vehicle.stages[{i}]";
            c.NotEmpty(s.Name, at + ".name");
            c.Positive(s.PropellantKg, at + ".propellantKg");
            c.NonNegative(s.InertKg, at + ".inertKg");
            c.Positive(s.IspS, at + ".ispS");
            c.NonNegative(s.CoastBeforeIgnitionS, at + ".coastBeforeIgnitionS");
            if (s.IgniteBelowRadialSpeedMps is { } apogee)
            {
                c.Finite(apogee, at + ".igniteBelowRadialSpeedMps");
            }

            c.Positive(s.NozzleArmM, at + ".nozzleArmM");
            c.Positive(s.RadiusOfGyrationM, at + ".radiusOfGyrationM");
            if (s.Kind == StageKind.Liquid)
            {
                c.Positive(s.ThrustN, at + ".thrustN");
                if (i != v.Stages.Count - 1)
                {
                    c.Fail(at + ".kind", "only the last stage may be liquid.");
                }

                continue;
            }

            c.Positive(s.BurnTimeS, at + ".burnTimeS");
            c.Increasing(s.ThrustShape, p => p.BurnFraction, at + ".thrustShape", "burnFraction");
            for (var j = 0; j < s.ThrustShape.Count; j++)
            {
                c.Fraction(s.ThrustShape[j].BurnFraction, $"{at}.thrustShape[{j}].burnFraction");
                c.NonNegative(s.ThrustShape[j].Relative, $"{at}.thrustShape[{j}].relative");
            }

            if (s.ThrustShape.Count < 2 || s.ThrustShape[0].BurnFraction != 0 || s.ThrustShape[^1].BurnFraction != 1 || s.ThrustShape.All(p => p.Relative == 0))
            {
                c.Fail(at + ".thrustShape", "needs points from burnFraction 0 to 1 with some thrust between.");
            }
        }
    }

    private static void ValidateFaults(AscentFaults f, int stages, Checker c)
    {
        if (f.Nozzle is { } nozzle)
        {
            if (nozzle.Stage < 1 || nozzle.Stage > stages)
            {
                c.Fail("$.faults.nozzle.stage", $"must be a stage number 1-{stages}, got {nozzle.Stage}.");
            }

            c.NonNegative(nozzle.AtS, "$.faults.nozzle.atS");
            c.Finite(nozzle.AngleDeg, "$.faults.nozzle.angleDeg");
            c.Positive(nozzle.FrequencyHz, "$.faults.nozzle.frequencyHz");
            c.Fraction(nozzle.CommandScale, "$.faults.nozzle.commandScale");
            c.Finite(nozzle.OffsetDeg, "$.faults.nozzle.offsetDeg");
            c.NonNegative(nozzle.LagS, "$.faults.nozzle.lagS");
        }

        c.NonNegative(f.TvcGainScale, "$.faults.tvcGainScale");
        if (f.Thrust is { } thrust)
        {
            if (thrust.Stage < 1 || thrust.Stage > stages)
            {
                c.Fail("$.faults.thrust.stage", $"must be a stage number 1-{stages}, got {thrust.Stage}.");
            }

            c.Positive(thrust.Fraction, "$.faults.thrust.fraction");
            c.AtMost(thrust.Fraction, 1, "$.faults.thrust.fraction");
        }

        c.Finite(f.NavigationAttitudeBiasDeg, "$.faults.navigationAttitudeBiasDeg");
        c.Finite(f.NavigationVelocityBiasMps, "$.faults.navigationVelocityBiasMps");
        for (var i = 0; i < f.NavigationLoss.Count; i++)
        {
            c.NonNegative(f.NavigationLoss[i].StartS, $"$.faults.navigationLoss[{i}].startS");
            c.NonNegative(f.NavigationLoss[i].EndS - f.NavigationLoss[i].StartS, $"$.faults.navigationLoss[{i}].endS");
        }
    }

    private static void ValidateAfts(AftsParameters a, Checker c)
    {
        c.Positive(a.CycleS, "$.afts.cycleS");
        c.Positive(a.ExpectedPerformanceScale, "$.afts.expectedPerformanceScale");
        c.NonNegative(a.PerformanceMinExpectedSpeedMps, "$.afts.performanceMinExpectedSpeedMps");
        foreach (var rule in AftsRules.All)
        {
            var r = a.Rule(rule);
            var at = "$.afts." + char.ToLowerInvariant(rule.ToString()[0]) + rule.ToString()[1..];
            c.Finite(r.Limit, at + ".limit");
            c.NonNegative(r.PersistenceS, at + ".persistenceS");
            c.NonNegative(r.ArmedFromS, at + ".armedFromS");
            c.NonNegative(r.ArmedUntilS - r.ArmedFromS, at + ".armedUntilS");
        }

        for (var i = 0; i < a.LimitLines.Count; i++)
        {
            var line = a.LimitLines[i];
            if (line.Points.Count < 2)
            {
                c.Fail($"$.afts.limitLines[{i}].points", "needs at least 2 points.");
            }

            for (var j = 0; j < line.Points.Count; j++)
            {
                c.Finite(line.Points[j].LatitudeDeg, $"$.afts.limitLines[{i}].points[{j}].latitudeDeg");
                c.Finite(line.Points[j].LongitudeDeg, $"$.afts.limitLines[{i}].points[{j}].longitudeDeg");
            }
        }

        for (var i = 0; i < a.Debris.Count; i++)
        {
            c.Positive(a.Debris[i].BallisticCoefficientKgM2, $"$.afts.debris[{i}].ballisticCoefficientKgM2");
        }

        c.Positive(a.ImpactCycleS, "$.afts.impactCycleS");
        if (a.Channels.Count is < 1 or > 2)
        {
            c.Fail("$.afts.channels", $"needs one or two channels, got {a.Channels.Count}.");
        }

        for (var i = 0; i < a.Channels.Count; i++)
        {
            c.NonNegative(a.Channels[i].NoiseScale, $"$.afts.channels[{i}].noiseScale");
            if (a.Channels[i].SelfTestFaultAtS is { } at)
            {
                c.NonNegative(at, $"$.afts.channels[{i}].selfTestFaultAtS");
            }
        }

        for (var i = 0; i < a.ProtectedZones.Count; i++)
        {
            c.Finite(a.ProtectedZones[i].EastKm, $"$.afts.protectedZones[{i}].eastKm");
            c.Finite(a.ProtectedZones[i].NorthKm, $"$.afts.protectedZones[{i}].northKm");
            c.Positive(a.ProtectedZones[i].RadiusKm, $"$.afts.protectedZones[{i}].radiusKm");
        }
    }
}
