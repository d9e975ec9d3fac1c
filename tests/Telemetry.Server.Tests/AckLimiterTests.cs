using Telemetry.Contracts.V1;
using Telemetry.Server.Internal;

namespace Telemetry.Server.Tests;

public sealed class AckLimiterTests
{
    [Fact]
    public void Fit_MoreRejectionsThanTheLimit_ListsTheFirstAndCountsTheRest()
    {
        var ack = new BatchAck { BatchId = 1, Accepted = true, WrittenCount = 5 };
        ack.Rejections.AddRange(Enumerable.Range(0, 7).Select(i => new FrameRejection { Index = (uint)i * 2, Code = RejectionCode.Missing, Reason = $"r{i}" }));

        var fitted = AckLimiter.Fit(ack, 3);

        Assert.Equal([0u, 2, 4], fitted.Rejections.Select(r => r.Index));
        Assert.Equal(4u, fitted.RejectionsNotListed);
        Assert.Equal(5u, fitted.WrittenCount);
    }

    [Fact]
    public void Fit_LongReasonWithASurrogatePairAtTheCut_CutBeforeThePair()
    {
        var reason = new string('a', AckLimiter.ReasonChars - 4) + "🚀" + new string('b', 100);
        var ack = new BatchAck { Rejections = { new FrameRejection { Reason = reason } }, Error = new string('e', 1000) };

        var fitted = AckLimiter.Fit(ack, 10);

        var cut = fitted.Rejections[0].Reason;
        Assert.Equal(new string('a', AckLimiter.ReasonChars - 4) + "...", cut);
        Assert.Equal(AckLimiter.ReasonChars, fitted.Error.Length);
        Assert.EndsWith("...", fitted.Error, StringComparison.Ordinal);
        Assert.Equal(0u, fitted.RejectionsNotListed);
    }

    [Fact]
    public void Fit_LimitZero_CountsEveryRejection()
    {
        var ack = new BatchAck { Rejections = { new FrameRejection(), new FrameRejection() } };

        var fitted = AckLimiter.Fit(ack, 0);

        Assert.Empty(fitted.Rejections);
        Assert.Equal(2u, fitted.RejectionsNotListed);
    }
}
