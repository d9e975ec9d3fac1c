using System.ComponentModel.DataAnnotations;

namespace Telemetry.Ingest.LineProtocol;

/// <summary>Limits applied by <see cref="FrameEncoder"/>; validated when the encoder is created.</summary>
public sealed class FrameEncoderOptions
{
    /// <summary>Smallest accepted <see cref="MaxLineBytes"/>: 256 bytes.</summary>
    public const int MinLineBytesLimit = 256;

    /// <summary>Largest accepted <see cref="MaxLineBytes"/>: 1 MiB.</summary>
    public const int MaxLineBytesLimit = 1 << 20;

    /// <summary>
    /// Longest encoded line, in bytes including the terminating '\n'; longer frames are rejected as too large.
    /// Default 65,536. Must lie in 256..1,048,576.
    /// </summary>
    [Range(MinLineBytesLimit, MaxLineBytesLimit)]
    public int MaxLineBytes { get; init; } = 65_536;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a limit is outside its documented range.</summary>
    public void Validate()
    {
        if (MaxLineBytes is < MinLineBytesLimit or > MaxLineBytesLimit)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxLineBytes),
                MaxLineBytes,
                $"{nameof(FrameEncoderOptions)}.{nameof(MaxLineBytes)} must be between {MinLineBytesLimit} and {MaxLineBytesLimit} bytes.");
        }
    }
}
