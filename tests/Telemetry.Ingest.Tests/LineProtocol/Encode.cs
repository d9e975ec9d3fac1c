using System.Buffers;
using System.Text;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.LineProtocol;

namespace Telemetry.Ingest.Tests.LineProtocol;

/// <summary>Runs <see cref="FrameEncoder"/> and asserts its contract on both outcomes.</summary>
internal static class Encode
{
    public static readonly FrameEncoder Default = new(new FrameEncoderOptions());

    /// <summary>The line's bytes; fails the test when the frame is rejected.</summary>
    public static byte[] LineBytes(Frame frame, FrameEncoder? encoder = null)
    {
        var output = new ArrayBufferWriter<byte>();
        bool accepted = (encoder ?? Default).TryEncode(frame, output, out FrameRejectionInfo rejection);
        Assert.True(accepted, $"rejected: {rejection.Code} {rejection.Reason}");
        Assert.Equal(default, rejection);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>The line as text.</summary>
    public static string Line(Frame frame, FrameEncoder? encoder = null) =>
        Encoding.UTF8.GetString(LineBytes(frame, encoder));

    /// <summary>The rejection; fails the test when the frame is accepted or anything was written.</summary>
    public static FrameRejectionInfo Rejection(Frame frame, FrameEncoder? encoder = null)
    {
        var output = new ArrayBufferWriter<byte>();
        output.Write("previous\n"u8);
        bool accepted = (encoder ?? Default).TryEncode(frame, output, out FrameRejectionInfo rejection);
        Assert.False(accepted, "accepted: " + Encoding.UTF8.GetString(output.WrittenSpan));
        Assert.Equal("previous\n"u8.ToArray(), output.WrittenSpan.ToArray());
        Assert.NotEqual(RejectionCode.Unspecified, rejection.Code);
        Assert.False(string.IsNullOrEmpty(rejection.Reason));
        return rejection;
    }

    /// <summary>Accepted (null) or the rejection code.</summary>
    public static RejectionCode? Outcome(Frame frame)
    {
        var output = new ArrayBufferWriter<byte>();
        return Default.TryEncode(frame, output, out FrameRejectionInfo rejection) ? null : rejection.Code;
    }
}
