namespace Telemetry.Simulation.Descent;

/// <summary>
/// Terrain height along the ground track, piecewise linear between points, constant beyond the ends.
/// An empty list is a flat mare at height 0; two points a few metres apart make a cliff.
/// </summary>
public sealed record TerrainParameters
{
    /// <summary>Profile points, sorted by downrange distance. Default: none (flat at 0 m).</summary>
    public IReadOnlyList<TerrainPoint> Profile { get; init; } = [];
}

/// <summary>One terrain profile point.</summary>
public sealed record TerrainPoint
{
    /// <summary>Downrange distance from the descent start point (m). Default: 0.</summary>
    public double DownrangeM { get; init; }

    /// <summary>Terrain height above the reference sphere of radius 1,737,400 m (m). Default: 0.</summary>
    public double HeightM { get; init; }
}
