using Telemetry.Simulation.Core.Internal;

namespace Telemetry.Simulation.Descent.Internal;

/// <summary>Piecewise-linear terrain height along the track; constant beyond the ends, 0 when empty.</summary>
internal sealed class Terrain(TerrainParameters parameters)
{
    private readonly PiecewiseLinear _profile = new(
        [.. parameters.Profile.Select(p => p.DownrangeM)], [.. parameters.Profile.Select(p => p.HeightM)]);

    /// <summary>True for an empty profile: the height is 0 everywhere.</summary>
    public bool IsFlat => _profile.IsEmpty;

    /// <summary>Terrain height (m) at a downrange distance (m).</summary>
    public double HeightAt(double downrangeM) => _profile.At(downrangeM);
}
