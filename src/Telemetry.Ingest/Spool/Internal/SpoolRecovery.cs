using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Telemetry.Ingest.Spool.Internal;

/// <summary>
/// Brings the spool folder to a state the writer and forwarder can trust: reads the checkpoint, deletes segments
/// confirmed before it, verifies every record after it, truncates torn tails, quarantines corrupt runs, and
/// registers what is left in the ledger.
/// </summary>
internal static class SpoolRecovery
{
    public const string QuarantineFolder = "quarantine";

    /// <returns>The report, the position to forward from, and the id for the new active segment.</returns>
    public static async Task<(SpoolRecoveryReport Report, long ResumeSegment, long ResumeOffset, long NextSegment)> RunAsync(
        SpoolLedger ledger, Checkpoint checkpoint, ILogger logger, CancellationToken ct)
    {
        var directory = ledger.Directory;
        var ids = SegmentFiles.List(directory);
        long resumeSegment = ids.Count > 0 ? ids[0] : 1;
        long resumeOffset = 0;
        if (checkpoint.TryRead(out var savedSegment, out var savedOffset))
        {
            (resumeSegment, resumeOffset) = (savedSegment, savedOffset);
        }
        else if (!checkpoint.IsEmpty)
        {
            Log.CheckpointUnreadable(logger, checkpoint.Path);
        }
        if (ids.Count > 0 && !ids.Contains(resumeSegment))
        {
            // The checkpoint's segment is gone (it was confirmed whole and deleted): start at the next one kept.
            resumeOffset = 0;
            resumeSegment = ids.FirstOrDefault(id => id > resumeSegment, resumeSegment);
        }

        var torn = new List<SpoolDamage>();
        var corrupt = new List<SpoolDamage>();
        long records = 0, lines = 0;
        foreach (var id in ids)
        {
            var path = SegmentFiles.PathOf(directory, id);
            if (id < resumeSegment)
            {
                File.Delete(path);
                continue;
            }
            var length = new FileInfo(path).Length;
            long tornAt = -1;
            using (var reader = new SegmentReader(path, id, id == resumeSegment ? resumeOffset : 0))
            {
                await reader.ReadAsync(length, final: true, record =>
                {
                    records++;
                    lines += record.LineCount;
                    record.Dispose();
                    return ValueTask.CompletedTask;
                }, damage =>
                {
                    if (damage.TornTail && damage.Offset + damage.Length == length)
                    {
                        tornAt = damage.Offset;
                        torn.Add(new SpoolDamage(id, damage.Offset, damage.Length, null));
                        Log.TornTail(logger, id, damage.Offset, damage.Length);
                    }
                    else
                    {
                        var copy = Quarantine(directory, path, damage);
                        corrupt.Add(new SpoolDamage(id, damage.Offset, damage.Length, copy));
                        Log.Corrupt(logger, id, damage.Offset, damage.Length, copy);
                    }
                }, ct).ConfigureAwait(false);
            }
            if (tornAt >= 0)
            {
                using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
                file.SetLength(tornAt);
                SegmentFiles.Fsync(file);
                length = tornAt;
            }
            ledger.AddSealed(id, length);
        }
        SegmentFiles.SyncDirectory(directory);
        var next = Math.Max(ids.Count > 0 ? ids[^1] + 1 : 1, resumeSegment);
        if (!ids.Contains(resumeSegment))
        {
            // Nothing kept is at or after the resume position: forwarding starts with the new active segment.
            (resumeSegment, resumeOffset) = (next, 0);
        }
        var report = new SpoolRecoveryReport(ledger.SegmentCount, records, lines, ledger.TotalBytes, torn, corrupt);
        Log.Recovered(logger, directory, report.Segments, records, lines, report.Bytes);
        return (report, resumeSegment, resumeOffset, next);
    }

    private static string Quarantine(string directory, string segmentPath, SegmentDamage damage)
    {
        var folder = Path.Combine(directory, QuarantineFolder);
        Directory.CreateDirectory(folder);
        var copy = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture,
            $"{damage.SegmentId:D20}-{damage.Offset}-{damage.Length}.bin"));
        using var source = new FileStream(segmentPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var target = new FileStream(copy, FileMode.Create, FileAccess.Write);
        source.Position = damage.Offset;
        var buffer = new byte[81920];
        var left = damage.Length;
        while (left > 0)
        {
            var read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                break;
            }
            target.Write(buffer, 0, read);
            left -= read;
        }
        SegmentFiles.Fsync(target);
        return copy;
    }
}
