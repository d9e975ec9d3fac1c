using System.Globalization;

namespace Telemetry.Replay.Output.Ascent;

/// <summary>
/// The coast of the Kii peninsula and the western Pacific from Natural Earth (public domain), shipped as a small extract
/// (Map/ne-coastline-kii.txt, its source in Map/README.md): polylines of longitude and latitude in degrees.
/// </summary>
internal static class Coastline
{
    private const string Resource = "Telemetry.Replay.Map.ne-coastline-kii.txt";

    /// <summary>The polylines, (longitude, latitude) in degrees; read once.</summary>
    public static IReadOnlyList<(double[] Lon, double[] Lat)> Lines { get; } = Read();

    private static List<(double[] Lon, double[] Lat)> Read()
    {
        using var stream = typeof(Coastline).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"missing resource {Resource}");
        using var reader = new StreamReader(stream);
        var lines = new List<(double[], double[])>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var pairs = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(p => p.Split(',')).ToArray();
            lines.Add((
                [.. pairs.Select(p => double.Parse(p[0], CultureInfo.InvariantCulture))],
                [.. pairs.Select(p => double.Parse(p[1], CultureInfo.InvariantCulture))]));
        }

        return lines;
    }
}
