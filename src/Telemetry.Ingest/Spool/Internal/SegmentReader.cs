using System.Buffers;
using System.IO.Pipelines;

namespace Telemetry.Ingest.Spool.Internal;

/// <summary>
/// Reads the records of one segment file through a <see cref="PipeReader"/>, from a position that it keeps
/// between calls (the forwarder tails the active segment as commits extend it). Damage is skipped: after a bad
/// header it resynchronises on the next magic whose header checksum holds; a bad payload is skipped whole.
/// </summary>
internal sealed class SegmentReader : IDisposable
{
    private const int ReadBufferBytes = 256 * 1024;

    private readonly FileStream _file;
    private long _damageStart = -1;

    public SegmentReader(string path, long segmentId, long offset)
    {
        _file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.ReadWrite | FileShare.Delete,
            BufferSize = 0,
            Options = FileOptions.SequentialScan,
        });
        SegmentId = segmentId;
        Offset = offset;
    }

    public long SegmentId { get; }

    /// <summary>Where the next record starts.</summary>
    public long Offset { get; private set; }

    /// <summary>
    /// Reads every record that ends at or before <paramref name="limit"/>, handing each to <paramref name="onRecord"/>
    /// (which takes ownership). With <paramref name="final"/> the file will not grow, so bytes left before the limit
    /// that hold no complete record are damage (a torn tail when they start with a valid header or are shorter than one).
    /// </summary>
    public async Task ReadAsync(long limit, bool final, Func<SpooledRecord, ValueTask> onRecord,
        Action<SegmentDamage>? onDamage, CancellationToken ct)
    {
        if (Offset >= limit)
        {
            return;
        }
        _file.Position = Offset;
        var reader = PipeReader.Create(_file, new StreamPipeReaderOptions(bufferSize: ReadBufferBytes,
            minimumReadSize: ReadBufferBytes / 4, leaveOpen: true));
        try
        {
            while (Offset < limit)
            {
                var result = await reader.ReadAsync(ct).ConfigureAwait(false);
                var buffer = result.Buffer;
                var view = buffer.Slice(0, Math.Min(buffer.Length, limit - Offset));
                var atEnd = result.IsCompleted || Offset + view.Length >= limit;
                var (consumed, _) = await ParseAsync(view, atEnd, onRecord, onDamage).ConfigureAwait(false);
                Offset += consumed;
                reader.AdvanceTo(buffer.GetPosition(consumed), buffer.End);
                if (!atEnd)
                {
                    continue;
                }
                if (final && Offset < limit)
                {
                    // Bytes before the end that hold no whole record: a clean record cut short is a torn tail.
                    var torn = _damageStart < 0;
                    MarkDamage(Offset);
                    FlushDamage(limit, onDamage, torn);
                    Offset = limit;
                }
                else if (final)
                {
                    FlushDamage(Offset, onDamage, tornTail: false);
                }
                break;
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => _file.Dispose();

    /// <returns>Bytes consumed, and whether what stops the parse is a record cut short by the end of the data.</returns>
    private async ValueTask<(long Consumed, bool Incomplete)> ParseAsync(ReadOnlySequence<byte> view, bool atEnd,
        Func<SpooledRecord, ValueTask> onRecord, Action<SegmentDamage>? onDamage)
    {
        long consumed = 0;
        while (consumed < view.Length)
        {
            var rest = view.Slice(consumed);
            var status = SpoolRecord.ReadHeader(rest, out var length, out var checksum);
            if (status == HeaderStatus.Incomplete || (status == HeaderStatus.Valid && rest.Length < SpoolRecord.HeaderBytes + length))
            {
                return (consumed, true);
            }
            if (status == HeaderStatus.Valid)
            {
                var start = Offset + consumed;
                var record = TryCopy(rest.Slice(SpoolRecord.HeaderBytes, length), checksum, start);
                consumed += SpoolRecord.HeaderBytes + length;
                if (record is null)
                {
                    MarkDamage(start);
                    continue;
                }
                FlushDamage(start, onDamage, tornTail: false);
                await onRecord(record).ConfigureAwait(false);
                continue;
            }
            MarkDamage(Offset + consumed);
            var next = SpoolRecord.FindNextMagic(rest, 1);
            if (next > 0)
            {
                consumed += next;
                continue;
            }
            // No record starts in what is here: keep the last bytes, which may begin the next magic.
            var skip = atEnd ? rest.Length : Math.Max(0, rest.Length - 3);
            consumed += skip;
            return (consumed, false);
        }
        return (consumed, false);
    }

    private SpooledRecord? TryCopy(ReadOnlySequence<byte> payload, uint checksum, long start)
    {
        var length = (int)payload.Length;
        var array = ArrayPool<byte>.Shared.Rent(length);
        payload.CopyTo(array);
        if (!SpoolRecord.TryReadPayload(array.AsSpan(0, length), checksum, out var batchId, out var appended, out var lines))
        {
            ArrayPool<byte>.Shared.Return(array);
            return null;
        }
        return new SpooledRecord(array, length, batchId, appended, lines, SegmentId, start);
    }

    private void MarkDamage(long at)
    {
        if (_damageStart < 0)
        {
            _damageStart = at;
        }
    }

    private void FlushDamage(long end, Action<SegmentDamage>? onDamage, bool tornTail)
    {
        if (_damageStart >= 0 && end > _damageStart)
        {
            onDamage?.Invoke(new SegmentDamage(SegmentId, _damageStart, end - _damageStart, tornTail));
        }
        _damageStart = -1;
    }
}
