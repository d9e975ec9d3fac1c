using Telemetry.Contracts.V1;

namespace Telemetry.Benchmarks.Ingest;

/// <summary>
/// Realistic frames for the ingest benchmarks: 2 tags plus source, 8 fields (5 full-precision doubles, an integer,
/// a bool and a short string), 10 ms apart. The same seed gives the same frames.
/// </summary>
internal static class BenchmarkFrames
{
    private static readonly string[] Modes = ["braking", "approach", "vertical", "terminal"];

    public static Frame[] Create(int count, int seed = 7)
    {
        var random = new Random(seed);
        var frames = new Frame[count];
        for (int i = 0; i < count; i++)
        {
            frames[i] = new Frame
            {
                Source = "resilience/gnc",
                Sequence = (ulong)i,
                TimestampNs = 1_745_000_000_000_000_000 + (i * 10_000_000L),
                Measurement = "descent",
                Tags = { new Tag { Key = "phase", Value = "braking" }, new Tag { Key = "sensor", Value = "lrf" } },
                Fields =
                {
                    new Field { Key = "altitude_m", DoubleValue = 20_000 * random.NextDouble() },
                    new Field { Key = "vertical_speed_mps", DoubleValue = -200 * random.NextDouble() },
                    new Field { Key = "horizontal_speed_mps", DoubleValue = 1_700 * random.NextDouble() },
                    new Field { Key = "mass_kg", DoubleValue = 1_000 + (340 * random.NextDouble()) },
                    new Field { Key = "throttle", DoubleValue = Math.Round(random.NextDouble(), 3) },
                    new Field { Key = "lrf_rejections", IntValue = random.Next(0, 20) },
                    new Field { Key = "lrf_valid", BoolValue = random.Next(2) == 0 },
                    new Field { Key = "mode", StringValue = Modes[i % Modes.Length] },
                },
            };
        }
        return frames;
    }
}
