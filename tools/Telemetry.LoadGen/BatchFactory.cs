using Telemetry.Contracts.V1;

namespace Telemetry.LoadGen;

/// <summary>
/// Builds reusable batches of realistic frames (two tags, N double fields) and refreshes them in place for each
/// send, so the client spends its CPU on the wire rather than on allocation.
/// </summary>
internal static class BatchFactory
{
    /// <summary>Timestamp step between consecutive frames of one source, in ns.</summary>
    public const long StepNs = 1_000;

    public static FrameBatch Create(LoadOptions options, string source)
    {
        var batch = new FrameBatch();
        for (var i = 0; i < options.BatchSize; i++)
        {
            var frame = new Frame { Source = source, Measurement = options.Measurement };
            frame.Tags.Add(new Tag { Key = "vehicle", Value = "loadgen" });
            frame.Tags.Add(new Tag { Key = "subsystem", Value = "gnc" });
            for (var f = 0; f < options.Fields; f++)
            {
                frame.Fields.Add(new Field { Key = FieldNames[f % FieldNames.Length], DoubleValue = 0 });
            }
            batch.Frames.Add(frame);
        }
        return batch;
    }

    /// <summary>Stamps <paramref name="batch"/> with its id and the sequence numbers starting at <paramref name="firstSequence"/>.</summary>
    public static void Refresh(FrameBatch batch, ulong batchId, long firstSequence, int count, long startNs)
    {
        batch.BatchId = batchId;
        while (batch.Frames.Count > count)
        {
            batch.Frames.RemoveAt(batch.Frames.Count - 1);
        }
        for (var i = 0; i < batch.Frames.Count; i++)
        {
            var frame = batch.Frames[i];
            var sequence = firstSequence + i;
            frame.Sequence = (ulong)sequence;
            frame.TimestampNs = startNs + sequence * StepNs;
            var fields = frame.Fields;
            for (var f = 0; f < fields.Count; f++)
            {
                fields[f].DoubleValue = sequence * 0.001 + f;
            }
        }
    }

    private static readonly string[] FieldNames =
    [
        "altitude_m", "descent_rate_mps", "horizontal_speed_mps", "thrust_n",
        "throttle", "propellant_kg", "pitch_deg", "lrf_range_m",
        "accel_x_mps2", "accel_y_mps2", "accel_z_mps2", "gyro_x_dps", "gyro_y_dps", "gyro_z_dps", "temp_c", "bus_v",
    ];
}
