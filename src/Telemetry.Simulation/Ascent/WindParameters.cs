namespace Telemetry.Simulation.Ascent;

/// <summary>Wind along the launch azimuth (positive blowing downrange), and gusts.</summary>
public sealed record WindParameters
{
    /// <summary>Steady wind against altitude, linear between points, constant beyond. Default: a spring jet stream's in-plane share.</summary>
    public IReadOnlyList<WindPoint> Profile { get; init; } =
    [
        new() { AltitudeM = 0, SpeedMps = 4 }, new() { AltitudeM = 5_000, SpeedMps = 12 },
        new() { AltitudeM = 11_000, SpeedMps = 25 }, new() { AltitudeM = 16_000, SpeedMps = 12 },
        new() { AltitudeM = 25_000, SpeedMps = 4 },
    ];

    /// <summary>Gusts: sinusoidal wind added inside an altitude band. Default: none.</summary>
    public IReadOnlyList<Gust> Gusts { get; init; } = [];
}

/// <summary>A point of the wind profile.</summary>
public sealed record WindPoint
{
    /// <summary>Altitude (m). Default: 0.</summary>
    public double AltitudeM { get; init; }

    /// <summary>Wind speed along the azimuth (m/s, positive downrange). Default: 0.</summary>
    public double SpeedMps { get; init; }
}

/// <summary>A gust: wind speed amplitude · sin(2π t / period) while the altitude is inside [from, to].</summary>
public sealed record Gust
{
    /// <summary>Lower edge of the band (m). Default: 0.</summary>
    public double FromAltitudeM { get; init; }

    /// <summary>Upper edge of the band (m). Default: 0.</summary>
    public double ToAltitudeM { get; init; }

    /// <summary>Amplitude (m/s). Default: 0.</summary>
    public double AmplitudeMps { get; init; }

    /// <summary>Period (s). Default: 2.</summary>
    public double PeriodS { get; init; } = 2;
}
