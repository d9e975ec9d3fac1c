using Telemetry.Contracts.V1;

namespace Telemetry.Server.Internal;

/// <summary>
/// Keeps every ack within a client's default 4 MB message limit: at most
/// <see cref="IngestOptions.MaxRejectionsPerAck"/> rejections are listed (the first, by index), the rest counted in
/// <see cref="BatchAck.RejectionsNotListed"/>, and every reason is cut to <see cref="ReasonChars"/> characters.
/// </summary>
internal static class AckLimiter
{
    /// <summary>Longest reason or error sent, in UTF-16 characters (at most 768 UTF-8 bytes).</summary>
    public const int ReasonChars = 256;

    public static BatchAck Fit(BatchAck ack, int maxRejections)
    {
        var rejections = ack.Rejections;
        if (rejections.Count > maxRejections)
        {
            var kept = rejections.Take(maxRejections).ToArray();
            ack.RejectionsNotListed = (uint)(rejections.Count - maxRejections);
            rejections.Clear();
            rejections.AddRange(kept);
        }
        foreach (var rejection in rejections)
        {
            rejection.Reason = Cut(rejection.Reason);
        }
        ack.Error = Cut(ack.Error);
        return ack;
    }

    private static string Cut(string text)
    {
        if (text.Length <= ReasonChars)
        {
            return text;
        }
        var end = ReasonChars - 3;
        if (char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }
        return string.Concat(text.AsSpan(0, end), "...");
    }
}
