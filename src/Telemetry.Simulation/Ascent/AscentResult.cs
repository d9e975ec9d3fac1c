namespace Telemetry.Simulation.Ascent;

/// <summary>Everything one ascent produced.</summary>
/// <param name="Scenario">The scenario flown.</param>
/// <param name="Seed">The noise seed.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Events">The timeline, in time order, up to the end as flown (nothing after a termination).</param>
/// <param name="Trajectory">Every Nth step up to the end as flown, in time order.</param>
public sealed record AscentResult(
    AscentScenario Scenario,
    int Seed,
    AscentOutcome Outcome,
    IReadOnlyList<AscentEvent> Events,
    IReadOnlyList<AscentSample> Trajectory)
{
    /// <summary>The first event of a kind, or null.</summary>
    public AscentEvent? FirstEvent(AscentEventKind kind)
    {
        foreach (var e in Events)
        {
            if (e.Kind == kind)
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>The model's value of a reference figure, or null when the run never reached it.</summary>
    public double? Measure(AscentFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var termination = FirstEvent(AscentEventKind.Termination);
        return figure.Metric switch
        {
            AscentMetric.TerminationTimeS => termination?.TimeS,
            AscentMetric.TerminationAltitudeKm => termination?.AltitudeM / 1000,
            AscentMetric.LiftOffMassT => Scenario.Vehicle.LiftOffMassKg() / 1000,
            AscentMetric.PayloadToOrbitKg => Outcome.Kind == AscentOutcomeKind.Orbit ? Scenario.Vehicle.PayloadKg : null,
            AscentMetric.PerigeeKm => Outcome.Kind == AscentOutcomeKind.Orbit ? Outcome.Truth.PerigeeKm : null,
            AscentMetric.ApogeeKm => Outcome.Kind == AscentOutcomeKind.Orbit ? Outcome.Truth.ApogeeKm : null,
            AscentMetric.InclinationDeg => Outcome.Kind == AscentOutcomeKind.Orbit ? Outcome.Truth.InclinationDeg : null,
            AscentMetric.FirstSeparationTimeS => FirstEvent(AscentEventKind.Separation)?.TimeS,
            AscentMetric.FairingJettisonTimeS => FirstEvent(AscentEventKind.FairingJettison)?.TimeS,
            AscentMetric.AltitudeAtTimeKm => AltitudeAt(figure.AtS),
            _ => null,
        };
    }

    // Interpolated between the recorded samples around the time; null without a time or beyond the record.
    private double? AltitudeAt(double? timeS)
    {
        if (timeS is not { } t)
        {
            return null;
        }

        for (var i = 1; i < Trajectory.Count; i++)
        {
            var (a, b) = (Trajectory[i - 1], Trajectory[i]);
            if (a.TimeS <= t && b.TimeS >= t)
            {
                var f = b.TimeS > a.TimeS ? (t - a.TimeS) / (b.TimeS - a.TimeS) : 0;
                return (a.AltitudeM + (f * (b.AltitudeM - a.AltitudeM))) / 1000;
            }
        }

        return null;
    }
}
