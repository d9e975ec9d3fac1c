using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;

namespace Telemetry.Replay.Output.Tables;

/// <summary>The event timeline, one row per event.</summary>
internal static class TimelineTable
{
    public static TableData Build(IReadOnlyList<TimelineEvent> events) => new(
        "Event timeline",
        ["t (s)", "event", "description", "true alt. (m)", "est. alt. (m)", "descent (m/s)", "horizontal (m/s)"],
        [.. events.Select(e => new TableRow(
        [
            Number.F(e.TimeS, 2), SnakeCase.Of(e.Kind), e.Description, Number.F(e.TrueAltitudeM),
            Number.F(e.EstimatedAltitudeM), Number.F(e.DescentRateMps), Number.F(e.HorizontalSpeedMps),
        ], Verdict(e.Kind)))]);

    private static bool? Verdict(TimelineEventKind kind) => kind switch
    {
        TimelineEventKind.Touchdown or TimelineEventKind.LrfReadmitted => true,
        TimelineEventKind.Impact or TimelineEventKind.LrfLatchedFailed or TimelineEventKind.PropellantOut
            or TimelineEventKind.EngineLost or TimelineEventKind.LrfSilent => false,
        _ => null,
    };
}
