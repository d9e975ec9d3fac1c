using Telemetry.Contracts.V1;
using Telemetry.Ingest.Sequences;

namespace Telemetry.Ingest.Pipeline.Internal;

/// <summary>Builds <see cref="BatchAck"/> messages.</summary>
internal static class AckBuilder
{
    public static BatchAck Refused(ulong batchId, string error) =>
        new() { BatchId = batchId, Accepted = false, Error = error };

    /// <summary>
    /// The ack of a written batch: <paramref name="lineCount"/> lines went to the sink, which dropped
    /// <paramref name="drops"/>; <paramref name="lineFrames"/> maps a line index to its frame index;
    /// <paramref name="duplicates"/> frames were already durable: counted in <c>duplicate_count</c> only, since this
    /// batch did not write them; <paramref name="events"/> are the gaps and resets the batch revealed.
    /// </summary>
    public static BatchAck Written(
        ulong batchId, AckDurability durability, int lineCount, int duplicates, SequenceEvents? events, List<FrameRejection>? rejections,
        IReadOnlyList<LineDrop> drops, ReadOnlySpan<int> lineFrames)
    {
        var ack = new BatchAck
        {
            BatchId = batchId,
            Accepted = true,
            Durability = durability,
            WrittenCount = (uint)(lineCount - drops.Count),
            DuplicateCount = (uint)duplicates,
            ResetCount = (uint)(events?.Resets.Count ?? 0),
            GapCount = (uint)(events?.Gaps.Count ?? 0),
        };
        if (drops.Count > 0)
        {
            rejections ??= [];
            foreach (var drop in drops)
            {
                rejections.Add(new FrameRejection
                {
                    Index = (uint)lineFrames[drop.LineIndex],
                    Code = RejectionCode.Database,
                    Reason = drop.Reason,
                });
            }
            rejections.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        }
        if (rejections is not null)
        {
            ack.Rejections.AddRange(rejections);
        }
        return ack;
    }
}
