using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Descent;

namespace Telemetry.Simulation;

/// <summary>The shipped scenarios of both vehicles together, for help texts and errors.</summary>
public static class ShippedScenarios
{
    /// <summary>Every shipped scenario of both vehicles: "descents: …; ascents: …".</summary>
    public static string Describe() =>
        $"descents: {string.Join(", ", ScenarioCatalog.Names)}; ascents: {string.Join(", ", AscentScenarioCatalog.Names)}";
}
