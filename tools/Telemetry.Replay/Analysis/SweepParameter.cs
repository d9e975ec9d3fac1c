using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;
using Telemetry.Replay.Commands;

namespace Telemetry.Replay.Analysis;

/// <summary>Which injected LRF fault a sweep varies.</summary>
internal enum SweepParameter
{
    /// <summary>No valid LRF return above this true altitude (m): <see cref="LrfParameters.FirstValidBelowAltitudeM"/>.</summary>
    FirstValidAltitude,

    /// <summary>
    /// The LRF gives nothing valid until this many seconds (s) after the moment the landing burn starts in the same
    /// scenario without first-valid faults, i.e. after the LRF-validated design altitude is reached; applied as
    /// <see cref="LrfParameters.FirstValidAfterS"/> = unfaulted landing-burn start + delay. A delay of 0 flies the
    /// unfaulted descent; Resilience's 893 m is a delay of about half a minute.
    /// </summary>
    FirstValidDelay,
}

/// <summary>Labels, severity order and application of a <see cref="SweepParameter"/> to a scenario.</summary>
internal static class SweepParameters
{
    /// <summary>The parameter in words, without unit.</summary>
    public static string Name(this SweepParameter parameter) => parameter switch
    {
        SweepParameter.FirstValidAltitude => "LRF first-valid altitude",
        _ => "LRF first-valid delay",
    };

    public static string Unit(this SweepParameter parameter) => parameter == SweepParameter.FirstValidAltitude ? "m" : "s";

    /// <summary>Name and unit, for axis labels and column headers.</summary>
    public static string Label(this SweepParameter parameter) => $"{parameter.Name()} ({parameter.Unit()})";

    public static string Column(this SweepParameter parameter) => parameter switch
    {
        SweepParameter.FirstValidAltitude => "first_valid_altitude_m",
        _ => "first_valid_delay_s",
    };

    /// <summary>A longer delay is worse; a lower first-valid altitude is worse.</summary>
    public static bool HigherIsMoreSevere(this SweepParameter parameter) => parameter == SweepParameter.FirstValidDelay;

    /// <summary>
    /// A function from sweep value to scenario. Both LRF first-valid faults of the base scenario are cleared first, so
    /// that the swept one alone decides when the rangefinder starts to work.
    /// </summary>
    public static Func<double, Scenario> Applier(this SweepParameter parameter, Scenario scenario, int seed)
    {
        var clean = scenario with { Lrf = scenario.Lrf with { FirstValidAfterS = null, FirstValidBelowAltitudeM = null } };
        if (parameter == SweepParameter.FirstValidAltitude)
        {
            return altitude => clean with { Lrf = clean.Lrf with { FirstValidBelowAltitudeM = altitude } };
        }

        var baseline = UnfaultedLandingBurnStartS(clean, seed);
        return delay => clean with { Lrf = clean.Lrf with { FirstValidAfterS = baseline + delay } };
    }

    private static double UnfaultedLandingBurnStartS(Scenario clean, int seed)
    {
        // Every step is recorded so that the start is exact, not rounded to the recording interval.
        foreach (var sample in DescentSimulator.Run(clean, seed, recordEvery: 1).Trajectory)
        {
            if (sample.Phase == GuidancePhase.LandingBurn)
            {
                return sample.TimeS;
            }
        }

        throw new UsageException(
            $"scenario '{clean.Name}': without LRF first-valid faults its landing burn never starts (is the LRF " +
            "disabled?), so there is no moment to delay from; sweep --first-valid-altitude-from instead.");
    }
}
