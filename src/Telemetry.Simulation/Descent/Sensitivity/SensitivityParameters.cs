namespace Telemetry.Simulation.Descent.Sensitivity;

/// <summary>The unpublished descent parameters and their plausible ranges (CALIBRATION.md gives the reasoning and sources).</summary>
public static class SensitivityParameters
{
    /// <summary>Every parameter, in the order tables list them.</summary>
    public static IReadOnlyList<SensitivityParameter> All { get; } =
    [
        new("max_thrust", "max thrust", "N", 1400, 1540,
            "not published; 1400-1540 N (+-5 % around the first calibration's 1470 N on 42 m/s at 192 m); fitted by calibrate",
            s => s.Vehicle.MaxThrustN, (s, v) => s with { Vehicle = s.Vehicle with { MaxThrustN = v } }),
        new("isp", "specific impulse", "s", 300, 330,
            "not published; typical of hydrazine/MON bipropellant engines",
            s => s.Vehicle.IspS, (s, v) => s with { Vehicle = s.Vehicle with { IspS = v } }),
        new("hold_throttle", "hold throttle", "", 0.347, 0.387,
            "not published; 0.347-0.387 moves M2's 66 m/s at 893 m by about +-3 m/s, the reports' rounding; fitted by calibrate",
            s => s.Guidance.HoldThrottle, (s, v) => s with { Guidance = s.Guidance with { HoldThrottle = v } }),
        new("landing_burn_time_factor", "landing-burn time factor", "", 0.64, 0.80,
            "not published; 0.64-0.80 moves the planned 44 m/s at 893 m by about +-4 m/s; fitted by calibrate",
            s => s.Guidance.LandingBurnTimeFactor, (s, v) => s with { Guidance = s.Guidance with { LandingBurnTimeFactor = v } }),
        new("throttle_rate", "throttle slew rate", "1/s", 0.25, 1.0,
            "not published; from a slow to a quick throttling valve",
            s => s.Vehicle.ThrottleRatePerS, (s, v) => s with { Vehicle = s.Vehicle with { ThrottleRatePerS = v } }),
        new("validation_count", "LRF validation count", "returns", 1, 20,
            "not published; from trusting the first return to 2 s of returns at 10 Hz",
            s => s.Navigation.ValidationCount, (s, v) => s with { Navigation = s.Navigation with { ValidationCount = (int)v } }, whole: true),
        new("low_gate_altitude", "low gate altitude", "m", 15, 100,
            "not published; terminal phases of robotic landers begin some tens of metres up, Chang'e 3 to 5 hovered at about 100 m",
            s => s.Guidance.LowGateAltitudeM, (s, v) => s with { Guidance = s.Guidance with { LowGateAltitudeM = v } }),
        new("terminal_descent_rate", "terminal descent rate", "m/s", 0.5, 2.5,
            "not published; M1 slowed to under 1 m/s before its slow descent, and 2.5 keeps a margin below the 3 m/s touchdown limit",
            s => s.Guidance.TerminalDescentRateMps, (s, v) => s with { Guidance = s.Guidance with { TerminalDescentRateMps = v } }),
        new("initial_altitude_error", "initial navigation altitude error", "m", -300, 300,
            "not published; the filter's own 1-sigma prior (navigation.initialAltitudeSigmaM)",
            s => s.Navigation.InitialAltitudeErrorM, (s, v) => s with { Navigation = s.Navigation with { InitialAltitudeErrorM = v } }),
        new("crater_rim_height", "crater rim height", "m", 2500, 3500,
            "reported as a cliff of about 3 km at the rim of Atlas crater; applies to scenarios with terrain relief",
            RimHeight, WithRimHeight, appliesTo: s => RimHeight(s) > 0),
    ];

    /// <summary>The parameters that act on a scenario (a flat scenario has no crater rim).</summary>
    public static IReadOnlyList<SensitivityParameter> For(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return [.. All.Where(p => p.AppliesTo(scenario))];
    }

    // The relief of the terrain profile: its highest point above its lowest.
    private static double RimHeight(Scenario s) =>
        s.Terrain.Profile.Count == 0 ? 0 : s.Terrain.Profile.Max(p => p.HeightM) - s.Terrain.Profile.Min(p => p.HeightM);

    // Every point's height above the lowest scaled so that the relief becomes the value: the floor stays where it is.
    private static Scenario WithRimHeight(Scenario s, double rim)
    {
        var relief = RimHeight(s);
        if (relief <= 0)
        {
            return s;
        }

        var floor = s.Terrain.Profile.Min(p => p.HeightM);
        var scale = rim / relief;
        return s with
        {
            Terrain = s.Terrain with { Profile = [.. s.Terrain.Profile.Select(p => p with { HeightM = floor + ((p.HeightM - floor) * scale) })] },
        };
    }
}
