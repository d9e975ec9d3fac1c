using Telemetry.Simulation.Core.Internal;
using Telemetry.Simulation.Core;

namespace Telemetry.Simulation.Ascent.Internal;

/// <summary>
/// The navigation solution as truth plus the injected biases, and for the termination system white noise drawn
/// each judgement cycle. Noise is drawn during navigation losses too, so a loss window never shifts later noise.
/// </summary>
internal sealed class NavigationModel(AscentNavigation n, AscentFaults f, Rng rng)
{
    private const double RadToDeg = 180 / Math.PI;
    private readonly TimeWindow[] _losses = [.. f.NavigationLoss];
    private Rng _rng = rng;

    public double AttitudeBiasRad { get; } = f.NavigationAttitudeBiasDeg * (Math.PI / 180);

    public double VelocityBiasMps { get; } = f.NavigationVelocityBiasMps;

    public NavigationSnapshot Snapshot(double timeS, in AscentState s, double commandRad, double sensedAcceleration)
    {
        var valid = true;
        foreach (var w in _losses)
        {
            valid &= timeS < w.StartS || timeS > w.EndS;
        }

        // Drawn from a local copy, written back once: the nine draws then stay in registers instead of storing the
        // generator's state into this object after each one.
        var rng = _rng;
        var position = n.PositionNoiseM;
        var velocity = n.VelocityNoiseMps;
        var snapshot = new NavigationSnapshot(
            timeS,
            valid,
            s.RadiusM + (position * rng.NextGaussian()),
            s.AngleRad + (position * rng.NextGaussian() / Earth.RadiusM),
            s.RadialSpeedMps + (velocity * rng.NextGaussian()),
            s.HorizontalSpeedMps + VelocityBiasMps + (velocity * rng.NextGaussian()),
            sensedAcceleration + (n.AccelerationNoiseMps2 * rng.NextGaussian()),
            ((s.PitchRad + AttitudeBiasRad - commandRad) * RadToDeg) + (n.AttitudeNoiseDeg * rng.NextGaussian()),
            (s.RateRadS * RadToDeg) + (n.RateNoiseDegPerS * rng.NextGaussian()));
        _rng = rng;
        return snapshot;
    }
}
