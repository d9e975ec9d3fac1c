using Telemetry.Simulation.Core.Internal;
using Telemetry.Simulation.Descent.Internal;

namespace Telemetry.Simulation.Descent;

/// <summary>Samples a dispersed scenario for Monte Carlo runs.</summary>
public static class Dispersions
{
    // A stream of its own, so dispersions never share numbers with the sensor noise of the same seed.
    private const ulong DispersionStream = 3;

    /// <summary>
    /// Returns the scenario with IMU bias, thrust scale, LRF noise and initial state drawn from normal distributions
    /// with the standard deviations in <see cref="Scenario.Dispersion"/>. Deterministic for a given seed.
    /// </summary>
    public static Scenario Apply(Scenario nominal, int seed)
    {
        ArgumentNullException.ThrowIfNull(nominal);
        var d = nominal.Dispersion;
        var rng = Rng.For(seed, DispersionStream);
        var imu = nominal.Imu with
        {
            VerticalBiasMps2 = nominal.Imu.VerticalBiasMps2 + (d.ImuBiasSigmaMps2 * rng.NextGaussian()),
            HorizontalBiasMps2 = nominal.Imu.HorizontalBiasMps2 + (d.ImuBiasSigmaMps2 * rng.NextGaussian()),
        };
        var vehicle = nominal.Vehicle with
        {
            MaxThrustN = nominal.Vehicle.MaxThrustN * Math.Max(0.5, 1 + (d.ThrustScaleSigma * rng.NextGaussian())),
        };
        var lrf = nominal.Lrf with { NoiseStdM = nominal.Lrf.NoiseStdM * Math.Exp(d.LrfNoiseLogSigma * rng.NextGaussian()) };
        var initial = nominal.Initial with
        {
            AltitudeM = Math.Max(0, nominal.Initial.AltitudeM + (d.InitialAltitudeSigmaM * rng.NextGaussian())),
            HorizontalSpeedMps = Math.Max(0, nominal.Initial.HorizontalSpeedMps + (d.InitialHorizontalSpeedSigmaMps * rng.NextGaussian())),
            DescentRateMps = nominal.Initial.DescentRateMps + (d.InitialDescentRateSigmaMps * rng.NextGaussian()),
        };

        // Orbit determination is imperfect too: the onboard estimate starts off by an independent draw.
        var navigation = nominal.Navigation with
        {
            InitialAltitudeErrorM = nominal.Navigation.InitialAltitudeErrorM + (d.InitialAltitudeSigmaM * rng.NextGaussian()),
        };
        return nominal with { Imu = imu, Vehicle = vehicle, Lrf = lrf, Initial = initial, Navigation = navigation };
    }
}
