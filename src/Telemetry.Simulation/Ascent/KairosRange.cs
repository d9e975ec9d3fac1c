namespace Telemetry.Simulation.Ascent;

/// <summary>
/// An illustrative range-safety layout for a southward launch from Kii: a corridor that starts 3 km uprange of the
/// pad and widens along the 175° azimuth, and the coast north of the pad as a protected zone. The real flight-safety
/// plan is not public; these are chosen (docs/kairos.md).
/// </summary>
public static class KairosRange
{
    /// <summary>The corridor polygon (km east and north of the pad).</summary>
    public static IReadOnlyList<MapPoint> Corridor { get; } =
    [
        P(-3.3, 2.7), P(-7.1, -10.7), P(-31.1, -103.1), P(-112.1, -1013.6), P(1991.9, -39978.5),
        P(4980.5, -39717.1), P(286.4, -978.8), P(48.6, -96.1), P(8.8, -9.3), P(2.7, 3.3),
    ];

    /// <summary>The coast uprange of the pad: a 20 km circle centred 25 km uprange.</summary>
    public static IReadOnlyList<ProtectedZone> ProtectedZones { get; } =
        [new() { Name = "Kii coast uprange of the pad", EastKm = -2.2, NorthKm = 24.9, RadiusKm = 20 }];

    private static MapPoint P(double east, double north) => new() { EastKm = east, NorthKm = north };
}
