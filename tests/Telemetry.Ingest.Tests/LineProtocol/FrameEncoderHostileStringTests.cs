using Telemetry.Contracts.V1;

namespace Telemetry.Ingest.Tests.LineProtocol;

/// <summary>The encoder's side of the hostile-string table (InfluxDB's side: <see cref="HostileStringStorageTests"/>).</summary>
public sealed class FrameEncoderHostileStringTests
{
    [Theory]
    [MemberData(nameof(HostileStrings.Cases), MemberType = typeof(HostileStrings))]
    public void TryEncode_HostileString_AcceptedOrRejectedAsTabled(string name, FramePart part)
    {
        var (text, expected) = HostileStrings.Find(name, part);

        RejectionCode? outcome = Encode.Outcome(HostileStrings.FrameWith(part, text));

        Assert.Equal(expected, outcome);
    }

    [Theory]
    [MemberData(nameof(HostileStrings.Cases), MemberType = typeof(HostileStrings))]
    public void TryEncode_HostileString_OnlyNewlineIsTheTerminator(string name, FramePart part)
    {
        var (text, expected) = HostileStrings.Find(name, part);
        if (expected is not null)
        {
            Encode.Rejection(HostileStrings.FrameWith(part, text));
            return;
        }

        byte[] line = Encode.LineBytes(HostileStrings.FrameWith(part, text));

        Assert.Equal(line.Length - 1, Array.IndexOf(line, (byte)'\n'));
        Assert.DoesNotContain((byte)'\r', line);
    }
}
