namespace Telemetry.Simulation.Descent.Calibration;

/// <summary>
/// Every public figure of Missions 1 and 2 the descent model is compared with (CALIBRATION.md gives the sources in
/// full). Sigmas come from each figure's wording and from how far its sources disagree.
/// </summary>
public static class PublicFigures
{
    private const string Briefing2025 = "ispace briefing 2025-06-24 (SpaceNews, AP)";
    private const string Release2023 = "ispace release 2023-05-26";

    /// <summary>Lunar gravity at the reference sphere (m/s²), about 1.625.</summary>
    public const double SurfaceGravity = Descent.Internal.Moon.Mu / (Descent.Internal.Moon.RadiusM * Descent.Internal.Moon.RadiusM);

    /// <summary>Every figure, fitted ones first.</summary>
    public static IReadOnlyList<PublicFigure> All { get; } =
    [
        new("nominal_rate_at_893_m", "nominal", "planned descent rate at 893 m", 44, 3, "m/s", FigureRole.Fitted, Briefing2025,
            "\"about 44 m/s planned\"; +-3 m/s covers reading and rounding",
            r => r.Nominal.Crossing(893)?.DescentRateMps),
        new("m2_rate_at_first_valid", "M2", "descent rate at the first valid LRF return", 66, 3, "m/s", FigureRole.Fitted, Briefing2025,
            "\"about 66 m/s\"; +-3 m/s",
            r => r.Resilience.FirstEvent(TimelineEventKind.LrfFirstValid)?.DescentRateMps),
        new("m2_rate_at_192_m", "M2", "descent rate at 192 m (last telemetry)", 42, 3, "m/s", FigureRole.Fitted, Briefing2025,
            "\"about 42 m/s\" when contact was lost (AP: 42 m/s); +-3 m/s",
            r => r.Resilience.Crossing(192)?.DescentRateMps),
        new("m2_impact_speed", "M2", "impact speed", 52, 8, "m/s", FigureRole.Fitted,
            "press summaries of the telemetry, June 2025 (installsat.tv; newspace.consulting)",
            "187 km/h; one summary gives it as the impact speed, another as the speed at 52 m, AP only says it crashed within seconds of 42 m/s: +-8 m/s",
            r => r.Resilience.Outcome.Kind == OutcomeKind.Timeout ? null : r.Resilience.Outcome.VerticalSpeedMps),
        new("m2_ahead_of_schedule", "M2", "end of telemetry (192 m) ahead of the planned touchdown", 105, 30, "s", FigureRole.Fitted,
            "press summaries of the telemetry, June 2025 (installsat.tv; newspace.consulting; IET; exterrajsc; northernspacemonkey)",
            "\"1 min 45 s\" in two summaries, \"two minutes\", \"about 65 seconds\" and \"45 seconds\" in others: +-30 s",
            r => r.Nominal.Outcome.Kind == OutcomeKind.Timeout || r.Resilience.Crossing(192) is not { } lost
                ? null : r.Nominal.Outcome.TimeS - lost.TimeS),
        new("m1_belief_error", "M1", "true altitude when the lander believed its deceleration done at the surface", 5000, 500, "m",
            FigureRole.Fitted, Release2023,
            "\"approximately 5 km\": +-0.5 km",
            r => r.HakutoR.PhaseEntry(GuidancePhase.TerminalDescent) is { } e ? e.TrueAltitudeM - e.EstimatedAltitudeM : null),
        new("m2_first_valid_altitude", "M2", "altitude of the first valid LRF return", 893, 10, "m", FigureRole.Imposed, Briefing2025,
            "the injected fault (lrf.firstValidBelowAltitudeM); the model's value is its first 10 Hz sample at or below it",
            r => r.Resilience.FirstEvent(TimelineEventKind.LrfFirstValid)?.TrueAltitudeM),
        new("m2_hard_landing", "M2", "hard landing (contact speed above the 3 m/s limit)", 3, 0, "m/s", FigureRole.Check,
            "ispace update 2025-06-06", "contact faster than 3 m/s",
            r => r.Resilience.Outcome.Kind == OutcomeKind.Timeout ? null : r.Resilience.Outcome.VerticalSpeedMps, atLeast: 3),
        new("m2_propellant_left", "M2", "propellant left at impact (propulsion ruled out)", 0, 0, "kg", FigureRole.Check,
            Briefing2025, "the engine still had propellant",
            r => r.Resilience.Outcome.PropellantExhausted ? 0 : r.Resilience.Outcome.PropellantRemainingKg, atLeast: 1e-9),
        new("m1_slow_descent", "M1", "descent rate after the deceleration (\"under 1 m/s\")", 1, 0, "m/s", FigureRole.Check,
            Release2023, "deceleration completed to under 1 m/s; measured when the propellant ran out",
            r => r.HakutoR.FirstEvent(TimelineEventKind.PropellantOut)?.DescentRateMps, atMost: 1),
        new("m1_propellant_out_altitude", "M1", "altitude when the propellant ran out (\"kilometres above\")", 1000, 0, "m",
            FigureRole.Check, Release2023, "at least 1 km up",
            r => r.HakutoR.Outcome.PropellantOutAltitudeM, atLeast: 1000),
        new("m1_free_fall", "M1", "impact speed over free fall from the propellant-out point", 1, 0, "", FigureRole.Check,
            Release2023, "free fall after the propellant ran out: within 2 %",
            FreeFallRatio, atLeast: 0.98, atMost: 1.02),
        new("nominal_soft", "nominal", "planned touchdown speed", 3, 0, "m/s", FigureRole.Check,
            "the model's touchdown limit", "the nominal lands softly (at most 3 m/s)",
            r => r.Nominal.Outcome.Kind == OutcomeKind.Timeout ? null : r.Nominal.Outcome.VerticalSpeedMps, atMost: 3),
    ];

    /// <summary>The figures the fit weighs.</summary>
    public static IReadOnlyList<PublicFigure> Fitted { get; } = [.. All.Where(f => f.Role == FigureRole.Fitted)];

    /// <summary>Speed (m/s) after falling <paramref name="heightM"/> engine off from <paramref name="speedMps"/> straight down.</summary>
    public static double EngineOffSpeed(double speedMps, double heightM) =>
        Math.Sqrt((speedMps * speedMps) + (2 * SurfaceGravity * heightM));

    private static double? FreeFallRatio(CalibrationRuns r)
    {
        var o = r.HakutoR.Outcome;
        if (r.HakutoR.FirstEvent(TimelineEventKind.PropellantOut) is not { } e || o.Kind == OutcomeKind.Timeout)
        {
            return null;
        }

        return o.VerticalSpeedMps / EngineOffSpeed(e.DescentRateMps, e.TrueAltitudeM);
    }
}
