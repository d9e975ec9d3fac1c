using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;

namespace Telemetry.Replay.Analysis;

/// <summary>One run of a sweep: the swept value and the outcome of the descent flown with it.</summary>
internal sealed record SweepPoint(double Value, Outcome Outcome, double? LrfFirstValidAltitudeM);
