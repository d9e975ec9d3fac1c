namespace Telemetry.Simulation.Tests.Descent.Scenarios;

/// <summary>One check for the public figures of any replay: each was reached and lies within its tolerance.</summary>
internal static class ReferenceFigures
{
    public static void AssertAllWithin(
        string scenario, IEnumerable<(string Name, double Value, double Tolerance, string Unit, double? Measured)> figures)
    {
        var list = figures.ToList();
        Assert.NotEmpty(list);
        foreach (var (name, value, tolerance, unit, measured) in list)
        {
            Assert.True(measured.HasValue, $"{scenario}: '{name}' was never reached");
            Assert.True(Math.Abs(measured.Value - value) <= tolerance,
                $"{scenario}: '{name}' = {measured:F2} {unit}, public {value} ± {tolerance}");
        }
    }
}
