using System.IO.Hashing;
using System.Text;

namespace Telemetry.Ingest.Sequences.Internal;

/// <summary>
/// The tracker's windows on disk: "TSEQ", version 1, the window count, then per window (most recently used first)
/// client, source, counter bits, highest position, newest timestamp and the ring's slots; a CRC-32 of everything
/// before it closes the file. Little-endian throughout.
/// </summary>
internal static class SnapshotFile
{
    private const uint Magic = 0x51455354; // "TSEQ"
    private const int Version = 1;

    public static void Write(Stream destination, IReadOnlyCollection<SourceWindow> windows)
    {
        var crc = new Crc32();
        using var hashed = new HashingStream(destination, crc);
        using (var writer = new BinaryWriter(hashed, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(windows.Count);
            foreach (var window in windows)
            {
                writer.Write(window.Key.Client);
                writer.Write(window.Key.Source);
                writer.Write((byte)window.Ring.Bits);
                writer.Write(window.Highest);
                writer.Write(window.NewestNs);
                var slots = window.Slots;
                writer.Write(slots.Length);
                foreach (var slot in slots)
                {
                    writer.Write(slot.Sequence);
                    writer.Write(slot.Fingerprint);
                }
            }
        }
        destination.Write(BitConverter.GetBytes(crc.GetCurrentHashAsUInt32()));
    }

    /// <summary>Reads every window, oldest used last; throws <see cref="InvalidDataException"/> when the file is damaged.</summary>
    public static List<SavedWindow> Read(Stream source, int maxSlots)
    {
        var crc = new Crc32();
        var windows = new List<SavedWindow>();
        using (var hashed = new HashingStream(source, crc))
        using (var reader = new BinaryReader(hashed, Encoding.UTF8, leaveOpen: true))
        {
            try
            {
                if (reader.ReadUInt32() != Magic || reader.ReadInt32() != Version)
                {
                    throw new InvalidDataException("not a sequence snapshot of version 1");
                }
                var count = reader.ReadInt32();
                for (var w = 0; w < count; w++)
                {
                    var client = reader.ReadString();
                    var name = reader.ReadString();
                    var bits = reader.ReadByte();
                    var highest = reader.ReadUInt64();
                    var newest = reader.ReadInt64();
                    var slotCount = reader.ReadInt32();
                    if (slotCount < 0 || slotCount > 1 << 20 || (slotCount != 0 && !int.IsPow2(slotCount)))
                    {
                        throw new InvalidDataException($"window {w} has {slotCount} slots");
                    }
                    var slots = new WindowSlot[slotCount];
                    for (var i = 0; i < slotCount; i++)
                    {
                        slots[i] = new WindowSlot(reader.ReadUInt64(), reader.ReadUInt64());
                    }
                    // A window larger than the configured one now is not restored: its frames are only written again.
                    windows.Add(new SavedWindow(client, name, bits, highest, newest, slotCount <= maxSlots ? slots : []));
                }
            }
            catch (EndOfStreamException)
            {
                throw new InvalidDataException("the snapshot ends early (a torn write)");
            }
        }
        Span<byte> stored = stackalloc byte[4];
        if (source.ReadAtLeast(stored, 4, throwOnEndOfStream: false) != 4 || BitConverter.ToUInt32(stored) != crc.GetCurrentHashAsUInt32())
        {
            throw new InvalidDataException("the snapshot's checksum does not match");
        }
        return windows;
    }

    internal sealed record SavedWindow(string Client, string Source, int Bits, ulong Highest, long NewestNs, WindowSlot[] Slots);

    /// <summary>Passes bytes through, adding each to a running hash.</summary>
    private sealed class HashingStream(Stream inner, NonCryptographicHashAlgorithm hash) : Stream
    {
        public override bool CanRead => inner.CanRead;
        public override bool CanSeek => false;
        public override bool CanWrite => inner.CanWrite;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            hash.Append(buffer.AsSpan(offset, read));
            return read;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            hash.Append(buffer.AsSpan(offset, count));
            inner.Write(buffer, offset, count);
        }

        public override void Flush() => inner.Flush();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
