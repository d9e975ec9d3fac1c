using Telemetry.Simulation.Descent.Sensitivity;

namespace Telemetry.Simulation.Descent.Calibration;

/// <summary>The three scenarios a calibration flies together: one lander, three descents.</summary>
/// <param name="Nominal">The planned descent.</param>
/// <param name="Resilience">Mission 2.</param>
/// <param name="HakutoR">Mission 1.</param>
public sealed record CalibrationScenarios(Scenario Nominal, Scenario Resilience, Scenario HakutoR)
{
    /// <summary>The shipped <c>nominal</c>, <c>resilience-m2</c> and <c>hakuto-r-m1</c>.</summary>
    public static CalibrationScenarios Shipped() =>
        new(ScenarioCatalog.Load("nominal"), ScenarioCatalog.Load("resilience-m2"), ScenarioCatalog.Load("hakuto-r-m1"));

    /// <summary>The three, in this order.</summary>
    public IReadOnlyList<Scenario> All => [Nominal, Resilience, HakutoR];

    /// <summary>Every parameter set to its value in each scenario it acts on.</summary>
    public CalibrationScenarios With(IReadOnlyList<SensitivityParameter> parameters, IReadOnlyList<double> values) =>
        new(Apply(Nominal, parameters, values), Apply(Resilience, parameters, values), Apply(HakutoR, parameters, values));

    /// <summary>A scenario with every parameter that acts on it set to its value.</summary>
    public static Scenario Apply(Scenario scenario, IReadOnlyList<SensitivityParameter> parameters, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(values);
        for (var j = 0; j < parameters.Count; j++)
        {
            if (parameters[j].AppliesTo(scenario))
            {
                scenario = parameters[j].Apply(scenario, values[j]);
            }
        }

        return scenario;
    }
}
