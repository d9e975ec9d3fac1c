using Telemetry.Simulation.Core.Internal;

namespace Telemetry.Simulation.Ascent;

/// <summary>Samples a dispersed ascent scenario for Monte Carlo runs.</summary>
public static class AscentDispersions
{
    // Its own stream, so dispersions never share numbers with the navigation noise of the same seed.
    private const ulong DispersionStream = 13;

    /// <summary>
    /// Returns the scenario with solid-motor thrust, winds and gusts, TVC gain, drag, navigation noise and any
    /// injected nozzle fault's onset and angle drawn from normal distributions with the standard deviations in
    /// <see cref="AscentScenario.Dispersion"/>, and each termination channel's self-test fault drawn with
    /// <see cref="AscentDispersion.ChannelFaultProbability"/>. Deterministic for a given seed.
    /// </summary>
    public static AscentScenario Apply(AscentScenario nominal, int seed)
    {
        ArgumentNullException.ThrowIfNull(nominal);
        var d = nominal.Dispersion;
        var rng = Rng.For(seed, DispersionStream);

        // A hotter or cooler motor: more thrust for a shorter burn, with the same propellant.
        var thrust = Math.Max(0.5, 1 + (d.ThrustScaleSigma * rng.NextGaussian()));
        var stages = nominal.Vehicle.Stages.Select(s => s.Kind == StageKind.Solid ? s with { BurnTimeS = s.BurnTimeS / thrust } : s).ToList();
        var drag = Math.Max(0.1, 1 + (d.DragScaleSigma * rng.NextGaussian()));
        var vehicle = nominal.Vehicle with
        {
            Stages = stages,
            DragByMach = [.. nominal.Vehicle.DragByMach.Select(p => p with { Cd = p.Cd * drag })],
        };
        var windScale = 1 + (d.WindScaleSigma * rng.NextGaussian());
        var wind = nominal.Wind with
        {
            Profile = [.. nominal.Wind.Profile.Select(p => p with { SpeedMps = p.SpeedMps * windScale })],
            Gusts = [.. nominal.Wind.Gusts.Select(g => g with { AmplitudeMps = g.AmplitudeMps * windScale })],
        };
        var control = nominal.Control with { AttitudeGain = nominal.Control.AttitudeGain * Math.Max(0.1, 1 + (d.TvcGainSigma * rng.NextGaussian())) };
        var noise = Math.Exp(d.NavigationNoiseLogSigma * rng.NextGaussian());
        var n = nominal.Navigation;
        var navigation = n with
        {
            PositionNoiseM = n.PositionNoiseM * noise, VelocityNoiseMps = n.VelocityNoiseMps * noise,
            AttitudeNoiseDeg = n.AttitudeNoiseDeg * noise, RateNoiseDegPerS = n.RateNoiseDegPerS * noise,
            AccelerationNoiseMps2 = n.AccelerationNoiseMps2 * noise,
        };
        var (onset, angle) = (rng.NextGaussian(), rng.NextGaussian());
        var faults = nominal.Faults.Nozzle is { } nozzle
            ? nominal.Faults with
            {
                Nozzle = nozzle with
                {
                    AtS = Math.Max(0, nozzle.AtS + (d.FaultTimeSigmaS * onset)),
                    AngleDeg = nozzle.AngleDeg * (1 + (d.FaultAngleSigma * angle)),
                },
            }
            : nominal.Faults;
        // Drawn after everything else, so a fault rate of 0 leaves every other number of the run as it was.
        var afts = nominal.Afts;
        if (d.ChannelFaultProbability > 0)
        {
            afts = afts with
            {
                Channels = [.. afts.Channels.Select(c =>
                {
                    var (hit, at) = (rng.NextDouble(), rng.NextDouble());
                    return hit < d.ChannelFaultProbability && c.SelfTestFaultAtS is null ? c with { SelfTestFaultAtS = at * d.ChannelFaultWindowS } : c;
                })],
            };
        }

        return nominal with { Vehicle = vehicle, Wind = wind, Control = control, Navigation = navigation, Faults = faults, Afts = afts };
    }
}
