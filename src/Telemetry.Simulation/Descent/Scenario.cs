using System.Text.Json.Serialization;

namespace Telemetry.Simulation.Descent;

/// <summary>
/// One descent to simulate: vehicle, sensors, injected faults, navigation, guidance, initial state and terrain.
/// Every member has a documented SI default, so a scenario file only needs what differs from the defaults.
/// </summary>
public sealed record Scenario
{
    /// <summary>
    /// JSON only: the schema the file follows (<c>"$schema": "scenario.schema.json"</c>), so editors can validate
    /// and complete it. Not used by the simulation. Default: null.
    /// </summary>
    [JsonPropertyName("$schema")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SchemaUri { get; init; }

    /// <summary>Short identifier, e.g. <c>resilience-m2</c>. Default: <c>unnamed</c>.</summary>
    public string Name { get; init; } = "unnamed";

    /// <summary>One or two sentences saying what the scenario shows. Default: empty.</summary>
    public string Description { get; init; } = "";

    /// <summary>Mass and propulsion figures.</summary>
    public VehicleParameters Vehicle { get; init; } = new();

    /// <summary>Accelerometer errors.</summary>
    public ImuParameters Imu { get; init; } = new();

    /// <summary>Laser rangefinder performance and its injected faults.</summary>
    public LrfParameters Lrf { get; init; } = new();

    /// <summary>Kalman filter tuning, the innovation gate and the failure latch.</summary>
    public NavigationParameters Navigation { get; init; } = new();

    /// <summary>Targets and settings of the four guidance phases.</summary>
    public GuidanceParameters Guidance { get; init; } = new();

    /// <summary>State at the start of the powered descent.</summary>
    public InitialState Initial { get; init; } = new();

    /// <summary>Surface height profile along the ground track.</summary>
    public TerrainParameters Terrain { get; init; } = new();

    /// <summary>What counts as a safe touchdown.</summary>
    public TouchdownLimits Touchdown { get; init; } = new();

    /// <summary>Standard deviations used by <see cref="Dispersions.Apply"/> for Monte Carlo runs.</summary>
    public DispersionParameters Dispersion { get; init; } = new();

    /// <summary>True altitudes above the local terrain (m) whose first crossing is a timeline event. Default: 3000, 893, 192.</summary>
    public IReadOnlyList<double> AltitudeCrossingsM { get; init; } = [3000, 893, 192];

    /// <summary>Injected fault: a main engine lost during the descent, or null. Default: null.</summary>
    public EngineLossParameters? EngineLoss { get; init; }

    /// <summary>Fixed integration step (s). Default: 0.01.</summary>
    public double StepS { get; init; } = 0.01;

    /// <summary>The run ends as a timeout after this much simulated time (s). Default: 3000.</summary>
    public double MaxDurationS { get; init; } = 3000;

    /// <summary>Public figures this scenario is compared against, or null. Default: null.</summary>
    public ScenarioReference? Reference { get; init; }
}
