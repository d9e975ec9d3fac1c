using System.Buffers.Binary;
using System.IO.Hashing;
using Microsoft.Win32.SafeHandles;

namespace Telemetry.Ingest.Spool.Internal;

/// <summary>
/// The forwarder's resume position: every record before (segment, offset) is confirmed by InfluxDB. Written in
/// place without fsync: a lost or torn checkpoint only means resending records InfluxDB already has, which
/// overwrite themselves (same series and timestamp), so it costs time, never correctness.
/// </summary>
internal sealed class Checkpoint : IDisposable
{
    private const int Bytes = 20;
    private readonly SafeFileHandle _file;
    private readonly byte[] _buffer = new byte[Bytes];

    public Checkpoint(string path)
    {
        Path = path;
        _file = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
    }

    public string Path { get; }

    /// <summary>Reads the saved position; false when there is none or it is damaged.</summary>
    public bool TryRead(out long segmentId, out long offset)
    {
        segmentId = 0;
        offset = 0;
        var data = new byte[Bytes];
        if (RandomAccess.Read(_file, data, 0) != Bytes)
        {
            return false;
        }
        segmentId = BinaryPrimitives.ReadInt64LittleEndian(data);
        offset = BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan(8));
        return BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(16)) == (uint)XxHash3.HashToUInt64(data.AsSpan(0, 16))
            && segmentId >= 0 && offset >= 0;
    }

    /// <summary>Whether the file holds anything (a new spool has an empty checkpoint, which is not damage).</summary>
    public bool IsEmpty => RandomAccess.GetLength(_file) == 0;

    public void Write(long segmentId, long offset)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer, segmentId);
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(8), offset);
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(16), (uint)XxHash3.HashToUInt64(_buffer.AsSpan(0, 16)));
        RandomAccess.Write(_file, _buffer, 0);
    }

    public void Dispose() => _file.Dispose();
}
