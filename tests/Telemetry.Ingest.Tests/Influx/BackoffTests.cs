using Telemetry.Ingest.Influx.Internal;

namespace Telemetry.Ingest.Tests.Influx;

public sealed class BackoffTests
{
    private readonly Backoff _backoff = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30));

    [Theory]
    [InlineData(1, 100)]
    [InlineData(4, 800)]
    [InlineData(10, 30_000)]
    [InlineData(100, 30_000)]
    public void Delay_Attempt_UniformBelowTheDoubledCappedCeiling(int attempt, int ceilingMs)
    {
        var delays = Enumerable.Range(0, 200).Select(_ => _backoff.Delay(attempt, null)).ToArray();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromMilliseconds(ceilingMs)));
        Assert.True(delays.Distinct().Count() > 100, "full jitter spreads the delays");
    }

    [Fact]
    public void Delay_RetryAfter_WinsOverTheCeiling()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), _backoff.Delay(1, TimeSpan.FromSeconds(7)));
    }

    [Fact]
    public void Delay_RetryAfterBeyondMax_CappedAtMax()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), _backoff.Delay(1, TimeSpan.FromMinutes(10)));
    }
}
