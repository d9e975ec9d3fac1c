using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Ascent.Internal;

namespace Telemetry.Simulation.Tests.Ascent;

public sealed class GroundGeometryTests
{
    private static readonly LaunchFrame Kii = new(new LaunchSite());

    [Fact]
    public void LaunchFrame_PadAtLiftOff_LiesAtTheSitesLatitudeAndLongitudeAndMapOrigin()
    {
        var (lat, lon) = LaunchFrame.LatLon(Kii.Pad, 0);
        Assert.Equal(33.54, lat, 1e-9);
        Assert.Equal(135.89, lon, 1e-9);
        var (east, north) = Kii.MapOf(Kii.Pad, 0);
        Assert.Equal(0, east, 1e-9);
        Assert.Equal(0, north, 1e-9);
    }

    [Fact]
    public void LaunchFrame_InertialPointAfterAnHour_HasMovedFifteenDegreesWest()
    {
        var (_, lon) = LaunchFrame.LatLon(Kii.Pad, 3600);
        Assert.Equal(135.89 - (Earth.RotationRadS * 3600 * 180 / Math.PI), lon, 1e-9);
    }

    [Theory]
    [InlineData(-100, -400)]
    [InlineData(37.5, 12)]
    [InlineData(-1300, -9000)]
    public void LaunchFrame_MapAndBack_RoundTrips(double east, double north)
    {
        var (lat, lon) = Kii.FromMap(east, north);
        var (e, n) = Kii.ToMap(lat, lon);
        Assert.Equal(east, e, 1e-9);
        Assert.Equal(north, n, 1e-9);
    }

    [Fact]
    public void LaunchFrame_GroundDistances_DownrangeAlongTheAzimuthCrossrangePositiveLeft()
    {
        // 100 km along a 180° azimuth: due south; left of a southward flight is east.
        var frame = new LaunchFrame(new LaunchSite { AzimuthDeg = 180 });
        var (lat, lon) = frame.FromMap(0, -100);
        var south = Position(lat, lon);
        var (down, cross) = frame.Ground(south, 0);
        Assert.Equal(100_000, down, 1.0);
        Assert.Equal(0, cross, 1.0);
        var (latE, lonE) = frame.FromMap(20, 0);
        Assert.Equal(20_000, frame.Ground(Position(latE, lonE), 0).CrossrangeM, 10.0);
    }

    [Fact]
    public void LimitLineSet_StraightLineWithForbiddenRight_SignedDistanceAndEnd()
    {
        // A line from the pad due south, 100 km long; walking south, right is west.
        var frame = new LaunchFrame(new LaunchSite());
        var (lat1, lon1) = frame.FromMap(0, 0);
        var (lat2, lon2) = frame.FromMap(0, -100);
        var line = new LimitLine
        {
            Forbidden = LineSide.Right,
            Points = [new() { LatitudeDeg = lat1, LongitudeDeg = lon1 }, new() { LatitudeDeg = lat2, LongitudeDeg = lon2 }],
        };
        var set = new LimitLineSet([line], frame);
        Assert.Equal(5, set.BeyondKm(-5, -50), 1e-6);
        Assert.Equal(-7, set.BeyondKm(7, -50), 1e-6);
        Assert.Equal(0, set.BeyondKm(0, -50), 1e-6);

        // Uprange of the first point the line holds; past the last point it is not judged.
        Assert.Equal(3, set.BeyondKm(-3, 40), 1e-6);
        Assert.True(double.IsNaN(set.BeyondKm(-3, -140)));
    }

    [Fact]
    public void ImpactPredictor_LoftedHeavyDebris_MatchesAFineFixedStepFall()
    {
        var predictor = new ImpactPredictor(Kii);
        var (position, velocity) = FirstStageNear70Seconds();
        foreach (var beta in new[] { 5000.0, 300.0 })
        {
            var (east, north, fall) = predictor.Predict(position, velocity, 70, beta);
            var (fineEast, fineNorth, fineFall) = FineFall(position, velocity, 70, beta);
            Assert.Equal(fineEast, east, 0.3);
            Assert.Equal(fineNorth, north, 0.3);
            Assert.Equal(fineFall, fall, 1.5);
        }
    }

    [Fact]
    public void ImpactPredictor_LightDebrisFallsShorterThanHeavy_AndOrbitHasNone()
    {
        var predictor = new ImpactPredictor(Kii);
        var (position, velocity) = FirstStageNear70Seconds();
        var heavy = predictor.Predict(position, velocity, 70, 5000);
        var light = predictor.Predict(position, velocity, 70, 300);
        Assert.True(light.NorthKm > heavy.NorthKm + 10, $"light {light.NorthKm:F1} km against heavy {heavy.NorthKm:F1} km north");

        var up = Kii.Pad.Unit;
        var r = Earth.RadiusM + 500_000;
        var orbit = predictor.Predict(up * r, Vec3.Cross(Kii.Normal, up).Unit * Math.Sqrt(Earth.Mu / r), 700, 5000);
        Assert.True(double.IsNaN(orbit.EastKm));
    }

    // 30 km up at 900 m/s ground-relative, 60° from the vertical down the azimuth: first-stage flight near 70 s.
    private static (Vec3 Position, Vec3 Velocity) FirstStageNear70Seconds()
    {
        var up = Kii.Pad.Unit;
        var down = Vec3.Cross(Kii.Normal, up).Unit;
        var position = up * (Earth.RadiusM + 30_000);
        return (position, position.Spin() + (up * 450) + (down * 780));
    }

    private static Vec3 Position(double latDeg, double lonDeg)
    {
        var (lat, lon) = (latDeg * Math.PI / 180, lonDeg * Math.PI / 180);
        return new Vec3(Math.Cos(lat) * Math.Cos(lon), Math.Cos(lat) * Math.Sin(lon), Math.Sin(lat)) * Earth.RadiusM;
    }

    // The same fall with RK4 at 0.02 s throughout.
    private static (double East, double North, double Fall) FineFall(Vec3 p, Vec3 v, double timeS, double beta)
    {
        const double h = 0.02;
        var t = 0.0;
        Vec3 A(Vec3 q, Vec3 u)
        {
            var altitude = q.Length - Earth.RadiusM;
            var g = Earth.Gravity(q);
            if (altitude >= Atmosphere.TopM)
            {
                return g;
            }

            Atmosphere.At(Math.Max(0, altitude), out var rho, out _);
            var air = u - q.Spin();
            return g - (air * (rho * air.Length / (2 * beta)));
        }

        while (true)
        {
            var b1 = A(p, v);
            var b2 = A(p + (v * (h / 2)), v + (b1 * (h / 2)));
            var b3 = A(p + ((v + (b1 * (h / 2))) * (h / 2)), v + (b2 * (h / 2)));
            var b4 = A(p + ((v + (b2 * (h / 2))) * h), v + (b3 * h));
            var pn = p + ((v + (2 * (v + (b1 * (h / 2)))) + (2 * (v + (b2 * (h / 2)))) + (v + (b3 * h))) * (h / 6));
            var vn = v + ((b1 + (2 * b2) + (2 * b3) + b4) * (h / 6));
            var below = pn.Length - Earth.RadiusM;
            if (below <= 0)
            {
                var above = p.Length - Earth.RadiusM;
                var f = above / (above - below);
                var hit = p + ((pn - p) * f);
                var (e, n) = Kii.MapOf(hit, timeS + t + (f * h));
                return (e, n, t + (f * h));
            }

            (p, v, t) = (pn, vn, t + h);
        }
    }
}
