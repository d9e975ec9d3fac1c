namespace Telemetry.Simulation.Descent.Sensitivity;

/// <summary>
/// One descent parameter that no public figure fixes, with the plausible range a sensitivity analysis varies it over
/// and the reason for that range.
/// </summary>
public sealed class SensitivityParameter
{
    private readonly Func<Scenario, double> _read;
    private readonly Func<Scenario, double, Scenario> _apply;
    private readonly Func<Scenario, bool> _appliesTo;

    internal SensitivityParameter(
        string name, string label, string unit, double low, double high, string basis, Func<Scenario, double> read,
        Func<Scenario, double, Scenario> apply, bool whole = false, Func<Scenario, bool>? appliesTo = null)
    {
        (Name, Label, Unit, Low, High, Basis, Whole) = (name, label, unit, low, high, basis, whole);
        (_read, _apply, _appliesTo) = (read, apply, appliesTo ?? (_ => true));
    }

    /// <summary>Identifier (snake_case), e.g. <c>max_thrust</c>.</summary>
    public string Name { get; }

    /// <summary>Words for tables and plots, e.g. "max thrust".</summary>
    public string Label { get; }

    /// <summary>Unit of the value, e.g. "N".</summary>
    public string Unit { get; }

    /// <summary>Lower end of the plausible range.</summary>
    public double Low { get; }

    /// <summary>Upper end of the plausible range.</summary>
    public double High { get; }

    /// <summary>Why the range is what it is.</summary>
    public string Basis { get; }

    /// <summary>True for a count: values are rounded to whole numbers when applied.</summary>
    public bool Whole { get; }

    /// <summary>False when the scenario has nothing this parameter acts on (a crater rim on flat ground).</summary>
    public bool AppliesTo(Scenario scenario) => _appliesTo(scenario);

    /// <summary>The parameter's value in a scenario.</summary>
    public double ValueIn(Scenario scenario) => _read(scenario);

    /// <summary>The scenario with this parameter set to <paramref name="value"/> (rounded for a count), all else unchanged.</summary>
    public Scenario Apply(Scenario scenario, double value)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return _apply(scenario, Whole ? Math.Round(value) : value);
    }
}
