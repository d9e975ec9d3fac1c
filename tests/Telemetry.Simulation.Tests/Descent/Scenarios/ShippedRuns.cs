using System.Collections.Concurrent;
using Telemetry.Simulation.Descent;

namespace Telemetry.Simulation.Tests.Descent.Scenarios;

/// <summary>Each shipped scenario flown once (seed 0) and shared by the regression tests.</summary>
public sealed class ShippedRuns
{
    private readonly ConcurrentDictionary<string, DescentResult> _runs = new();

    public DescentResult Get(string name) =>
        _runs.GetOrAdd(name, n => DescentSimulator.Run(ScenarioCatalog.Load(n), seed: 0, recordEvery: 10));
}
