namespace Telemetry.Simulation.Ascent;

/// <summary>
/// An illustrative range-safety layout for a southward launch from Kii: a west and an east flight-path limit line
/// either side of the nominal flight's impact-point trace over the Pacific (drawn 32 km plus 0.5 % of the distance along the trace from it, from the pad to 49° S), the coast north of the pad as a protected zone, and two
/// debris classes. The real flight-safety plan is not public; these are chosen (docs/kairos.md).
/// </summary>
public static class KairosRange
{
    /// <summary>The west and east limit lines (latitude/longitude polylines, north to south).</summary>
    public static IReadOnlyList<LimitLine> LimitLines { get; } =
    [
        new()
        {
            Name = "west limit line", Forbidden = LineSide.Right,
            Points =
            [
                G(33.603, 135.553), G(33.157, 135.433), G(30.788, 134.749), G(25.957, 133.530), G(14.683, 130.876),
                G(-11.719, 125.759), G(-24.934, 122.960), G(-32.219, 121.229), G(-38.985, 119.406), G(-48.708, 116.199),
            ],
        },
        new()
        {
            Name = "east limit line", Forbidden = LineSide.Left,
            Points =
            [
                G(33.477, 136.227), G(33.020, 136.106), G(30.649, 135.434), G(25.807, 134.241), G(14.530, 131.659),
                G(-11.892, 126.799), G(-25.069, 124.231), G(-32.309, 122.683), G(-39.026, 121.085), G(-48.727, 118.328),
            ],
        },
    ];

    /// <summary>The coast uprange of the pad: a 20 km circle centred 25 km uprange.</summary>
    public static IReadOnlyList<ProtectedZone> ProtectedZones { get; } =
        [new() { Name = "Kii coast uprange of the pad", EastKm = -2.2, NorthKm = 24.9, RadiusKm = 20 }];

    /// <summary>Heavy fragments (motor cases, the intact upper stack) and light ones (panels, fairing pieces).</summary>
    public static IReadOnlyList<DebrisClass> Debris { get; } =
    [
        new() { Name = "heavy fragments", BallisticCoefficientKgM2 = 5000 },
        new() { Name = "light fragments", BallisticCoefficientKgM2 = 300 },
    ];

    private static GeoPoint G(double latitude, double longitude) => new() { LatitudeDeg = latitude, LongitudeDeg = longitude };
}
