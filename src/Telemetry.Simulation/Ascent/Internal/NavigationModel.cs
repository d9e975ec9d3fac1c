using Telemetry.Simulation.Core.Internal;

namespace Telemetry.Simulation.Ascent.Internal;

/// <summary>
/// One navigation solution: truth plus the injected biases, and for a termination channel white noise (scaled by
/// the channel's noise factor) drawn from the channel's own stream each judgement cycle. Noise is drawn during
/// navigation losses too, so a loss window never shifts later noise.
/// </summary>
internal sealed class NavigationModel(AscentNavigation n, AscentFaults f, Rng rng, double noiseScale = 1, IReadOnlyList<Core.TimeWindow>? losses = null)
{
    private const double RadToDeg = 180 / Math.PI;
    private readonly Core.TimeWindow[] _losses = [.. f.NavigationLoss, .. losses ?? []];
    private Rng _rng = rng;

    public double AttitudeBiasRad { get; } = f.NavigationAttitudeBiasDeg * (Math.PI / 180);

    public double VelocityBiasMps { get; } = f.NavigationVelocityBiasMps;

    /// <summary>The velocity flight control steers on: truth plus the downrange bias (m/s).</summary>
    public Vec3 SteeringVelocity(in AscentState s, in Vec3 down) => s.Velocity + (down * VelocityBiasMps);

    public NavigationSnapshot Snapshot(double timeS, in AscentState s, double commandRad, double yawCommandRad, double sensedAcceleration, in Vec3 down)
    {
        var valid = true;
        foreach (var w in _losses)
        {
            valid &= timeS < w.StartS || timeS > w.EndS;
        }

        var rng = _rng;
        var position = n.PositionNoiseM * noiseScale;
        var velocity = n.VelocityNoiseMps * noiseScale;
        var attitude = n.AttitudeNoiseDeg * noiseScale;
        var rate = n.RateNoiseDegPerS * noiseScale;
        var snapshot = new NavigationSnapshot(
            timeS,
            valid,
            s.Position + new Vec3(position * rng.NextGaussian(), position * rng.NextGaussian(), position * rng.NextGaussian()),
            SteeringVelocity(s, down) + new Vec3(velocity * rng.NextGaussian(), velocity * rng.NextGaussian(), velocity * rng.NextGaussian()),
            sensedAcceleration + (n.AccelerationNoiseMps2 * noiseScale * rng.NextGaussian()),
            ((s.PitchRad + AttitudeBiasRad - commandRad) * RadToDeg) + (attitude * rng.NextGaussian()),
            ((s.YawRad - yawCommandRad) * RadToDeg) + (attitude * rng.NextGaussian()),
            (s.RateRadS * RadToDeg) + (rate * rng.NextGaussian()),
            (s.YawRateRadS * RadToDeg) + (rate * rng.NextGaussian()));
        _rng = rng;
        return snapshot;
    }
}
