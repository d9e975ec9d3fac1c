using System.Text.Json.Serialization;

namespace Telemetry.Simulation.Ascent;

/// <summary>
/// One ascent to simulate: launch site, vehicle, pitch programme, attitude control, winds, navigation errors,
/// injected faults, the flight termination system and its settings, and dispersions. Every member has a documented
/// SI default (the calibrated Kairos-class vehicle, see docs/kairos.md), so a file only needs what differs.
/// </summary>
public sealed record AscentScenario
{
    /// <summary>JSON only: the schema the file follows (<c>ascent.schema.json</c>). Not used by the simulation. Default: null.</summary>
    [JsonPropertyName("$schema")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SchemaUri { get; init; }

    /// <summary>Always <c>ascent</c>: tells an ascent file from a descent file. Default: ascent.</summary>
    public string Kind { get; init; } = AscentScenarioCatalog.Kind;

    /// <summary>Short identifier, e.g. <c>kairos-f3</c>. Default: <c>unnamed</c>.</summary>
    public string Name { get; init; } = "unnamed";

    /// <summary>One or two sentences saying what the scenario shows. Default: empty.</summary>
    public string Description { get; init; } = "";

    /// <summary>Where and in which direction the vehicle is launched.</summary>
    public LaunchSite Launch { get; init; } = new();

    /// <summary>Stages, masses and aerodynamics.</summary>
    public AscentVehicle Vehicle { get; init; } = new();

    /// <summary>Vertical rise, pitch kick, gravity turn and the upper stages' insertion steering.</summary>
    public PitchProgramme Programme { get; init; } = new();

    /// <summary>The thrust-vector-control loop.</summary>
    public TvcParameters Control { get; init; } = new();

    /// <summary>Winds aloft and gusts.</summary>
    public WindParameters Wind { get; init; } = new();

    /// <summary>Errors of the navigation solution that flight control and the termination system use.</summary>
    public AscentNavigation Navigation { get; init; } = new();

    /// <summary>Injected faults. Default: none.</summary>
    public AscentFaults Faults { get; init; } = new();

    /// <summary>The autonomous flight termination system: its rules, thresholds, persistence times and windows.</summary>
    public AftsParameters Afts { get; init; } = new();

    /// <summary>What counts as truly dangerous; judged on the true state, which the termination system never sees.</summary>
    public HazardCriteria Hazard { get; init; } = new();

    /// <summary>Standard deviations for Monte Carlo runs.</summary>
    public AscentDispersion Dispersion { get; init; } = new();

    /// <summary>Fixed integration step (s). Default: 0.01.</summary>
    public double StepS { get; init; } = 0.01;

    /// <summary>The run ends as a timeout after this much flight time (s). Default: 1200.</summary>
    public double MaxDurationS { get; init; } = 1200;

    /// <summary>Public figures this scenario is compared against, or null. Default: null.</summary>
    public AscentReference? Reference { get; init; }
}
