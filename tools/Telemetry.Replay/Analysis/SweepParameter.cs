using Telemetry.Guidance;
using Telemetry.Replay.Commands;

namespace Telemetry.Replay.Analysis;

/// <summary>Which injected LRF fault a sweep varies.</summary>
internal enum SweepParameter
{
    /// <summary>No valid LRF return above this true altitude (m): <see cref="LrfParameters.FirstValidBelowAltitudeM"/>.</summary>
    FirstValidAltitude,

    /// <summary>
    /// The first valid LRF return comes this many seconds later than it would without a fault (s); applied as
    /// <see cref="LrfParameters.FirstValidAfterS"/> = unfaulted first-valid time + delay.
    /// </summary>
    FirstValidDelay,
}

/// <summary>Labels, severity order and application of a <see cref="SweepParameter"/> to a scenario.</summary>
internal static class SweepParameters
{
    public static string Label(this SweepParameter parameter) => parameter switch
    {
        SweepParameter.FirstValidAltitude => "LRF first-valid altitude (m)",
        _ => "LRF first-valid delay (s)",
    };

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

        var baseline = UnfaultedFirstValidTimeS(clean, seed);
        return delay => clean with { Lrf = clean.Lrf with { FirstValidAfterS = baseline + delay } };
    }

    private static double UnfaultedFirstValidTimeS(Scenario clean, int seed)
    {
        var firstValid = DescentSimulator.Run(clean, seed).Events.FirstOrDefault(e => e.Kind == TimelineEventKind.LrfFirstValid);
        return firstValid?.TimeS ?? throw new UsageException(
            $"scenario '{clean.Name}': without injected faults its LRF never returns a valid measurement, so there is " +
            "nothing to delay; sweep --first-valid-altitude-from instead, or enable the LRF in the scenario file.");
    }
}
