namespace Telemetry.Simulation.Ascent;

/// <summary>The calibrated stack of a Kairos-class vehicle (chosen figures; docs/kairos.md explains each).</summary>
public static class KairosStages
{
    /// <summary>Three solid stages and a liquid post-boost stage.</summary>
    public static IReadOnlyList<StageParameters> Default { get; } =
    [
        new()
        {
            Name = "first stage", Kind = StageKind.Solid, PropellantKg = 14_340, InertKg = 1_500, IspS = 270, BurnTimeS = 136,
            // Boost-sustain grain: high thrust off the pad, a long low sustain, a slow tail-off (burn-out 136 s).
            ThrustShape =
            [
                new() { BurnFraction = 0, Relative = 1.62 }, new() { BurnFraction = 0.3, Relative = 1.47 },
                new() { BurnFraction = 0.45, Relative = 0.8 }, new() { BurnFraction = 0.8, Relative = 0.6 },
                new() { BurnFraction = 0.9, Relative = 0.45 }, new() { BurnFraction = 1, Relative = 0 },
            ],
            NozzleArmM = 8, RadiusOfGyrationM = 5,
        },
        new()
        {
            Name = "second stage", Kind = StageKind.Solid, PropellantKg = 4_300, InertKg = 460, IspS = 292, BurnTimeS = 75,
            CoastBeforeIgnitionS = 8, NozzleArmM = 4.5, RadiusOfGyrationM = 2.8,
        },
        new()
        {
            Name = "third stage", Kind = StageKind.Solid, PropellantKg = 1_250, InertKg = 170, IspS = 298, BurnTimeS = 65,
            CoastBeforeIgnitionS = 6, IgniteBelowRadialSpeedMps = 150, NozzleArmM = 2.2, RadiusOfGyrationM = 1.4,
        },
        new()
        {
            Name = "post-boost stage", Kind = StageKind.Liquid, PropellantKg = 300, InertKg = 150, IspS = 315, ThrustN = 4_000,
            CoastBeforeIgnitionS = 4, NozzleArmM = 0.9, RadiusOfGyrationM = 0.6,
        },
    ];
}
