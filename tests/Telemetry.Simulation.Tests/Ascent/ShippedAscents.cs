using System.Collections.Concurrent;
using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Core;

namespace Telemetry.Simulation.Tests.Ascent;

/// <summary>Each shipped ascent flown once (seed 0, every judgement cycle recorded) and shared by the regression tests.</summary>
public sealed class ShippedAscents
{
    private readonly ConcurrentDictionary<string, AscentResult> _runs = new();

    public AscentResult Get(string name) =>
        _runs.GetOrAdd(name, n => AscentSimulator.Run(AscentScenarioCatalog.Load(n), seed: 0, recordEvery: 5));
}
