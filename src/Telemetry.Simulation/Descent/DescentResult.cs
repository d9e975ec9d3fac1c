namespace Telemetry.Simulation.Descent;

/// <summary>Everything one descent produced.</summary>
/// <param name="Scenario">The scenario flown.</param>
/// <param name="Seed">The noise seed.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Events">The timeline, in time order.</param>
/// <param name="Trajectory">Every Nth step (see <see cref="DescentSimulator.Run"/>), in time order.</param>
public sealed record DescentResult(
    Scenario Scenario,
    int Seed,
    Outcome Outcome,
    IReadOnlyList<TimelineEvent> Events,
    IReadOnlyList<TrajectorySample> Trajectory)
{
    /// <summary>The first event of a kind, or null.</summary>
    public TimelineEvent? FirstEvent(TimelineEventKind kind)
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

    /// <summary>The event where guidance first entered <paramref name="phase"/>, or null (braking is entered at time 0).</summary>
    public TimelineEvent? PhaseEntry(GuidancePhase phase)
    {
        var suffix = "-> " + phase;
        foreach (var e in Events)
        {
            if (e.Kind == TimelineEventKind.PhaseChange && e.Description.EndsWith(suffix, StringComparison.Ordinal))
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>The first crossing of a true altitude listed in <see cref="Scenario.AltitudeCrossingsM"/> (m), or null.</summary>
    public TimelineEvent? Crossing(double altitudeM)
    {
        foreach (var e in Events)
        {
            // Crossing events carry the listed altitude exactly (the state is interpolated to it).
            if (e.Kind == TimelineEventKind.AltitudeCrossed && e.TrueAltitudeM == altitudeM)
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>The model's value of a reference figure, or null when the run never reached it.</summary>
    public double? Measure(ReferenceFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return figure.Metric switch
        {
            ReferenceMetric.LrfFirstValidAltitudeM => FirstEvent(TimelineEventKind.LrfFirstValid)?.TrueAltitudeM,
            ReferenceMetric.LrfFirstValidDescentRateMps => FirstEvent(TimelineEventKind.LrfFirstValid)?.DescentRateMps,
            ReferenceMetric.DescentRateAtAltitudeMps => Crossing(figure.AtAltitudeM)?.DescentRateMps,
            ReferenceMetric.ContactVerticalSpeedMps =>
                Outcome.Kind == OutcomeKind.Timeout ? null : Outcome.VerticalSpeedMps,
            ReferenceMetric.PropellantOutAltitudeM => Outcome.PropellantOutAltitudeM,
            ReferenceMetric.DriftAfterEngineLossM => Outcome.EngineLossDownrangeM is { } lost && Outcome.Kind != OutcomeKind.Timeout
                ? Math.Abs(Outcome.DownrangeM - lost)
                : null,
            _ => null,
        };
    }
}
