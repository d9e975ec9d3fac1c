using Telemetry.Simulation.Descent;

namespace Telemetry.Simulation.Tests.Descent.Physics;

/// <summary>The contact sample is one instant: its time, mass and thrust agree with the sample before it.</summary>
public sealed class ContactSampleTests
{
    [Theory]
    [InlineData("lrf-disabled")]
    [InlineData("nominal")]
    [InlineData("resilience-m2")]
    public void Run_ContactSample_MassFlowSinceLastStepMatchesRecordedThrust(string name)
    {
        // Every step recorded, so the last sample before contact is the start of the contact step.
        var scenario = ScenarioCatalog.Load(name);
        var result = DescentSimulator.Run(scenario, seed: 0, recordEvery: 1);
        var contact = result.Trajectory[^1];
        var before = result.Trajectory[^2];

        Assert.Equal(result.Outcome.TimeS, contact.TimeS);
        Assert.InRange(contact.TimeS - before.TimeS, 0, scenario.StepS);
        Assert.True(contact.ThrustN > 0, "the engine still burns at contact in these scenarios");
        var flow = (before.MassKg - contact.MassKg) / (contact.TimeS - before.TimeS);
        Assert.Equal(contact.ThrustN / (scenario.Vehicle.IspS * 9.80665), flow, 1e-6 * flow);
        Assert.Equal(result.Outcome.PropellantRemainingKg, contact.PropellantKg, 1e-12);
    }
}
