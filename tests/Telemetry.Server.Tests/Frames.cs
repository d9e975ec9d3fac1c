using Telemetry.Contracts.V1;

namespace Telemetry.Server.Tests;

/// <summary>Builds test frames whose values follow from their sequence number, so a read-back can be checked exactly.</summary>
internal static class Frames
{
    public const long StartNs = 1_749_146_400_000_000_000; // 2025-06-05T18:00:00Z

    public static Frame Sample(string source, ulong sequence, string measurement = "descent") => new()
    {
        Source = source,
        Sequence = sequence,
        TimestampNs = StartNs + (long)sequence * 10_000_000,
        Measurement = measurement,
        Tags = { new Tag { Key = "vehicle", Value = "resilience" } },
        Fields =
        {
            new Field { Key = "altitude_m", DoubleValue = 3000.0 - sequence * 0.25 },
            new Field { Key = "step", IntValue = (long)sequence },
            new Field { Key = "lrf_valid", BoolValue = sequence % 2 == 0 },
            new Field { Key = "phase", StringValue = "vertical hold" },
        },
    };

    public static FrameBatch Batch(ulong batchId, string source, ulong firstSequence, int count, string measurement = "descent")
    {
        var batch = new FrameBatch { BatchId = batchId };
        for (var i = 0; i < count; i++)
        {
            batch.Frames.Add(Sample(source, firstSequence + (ulong)i, measurement));
        }
        return batch;
    }
}
