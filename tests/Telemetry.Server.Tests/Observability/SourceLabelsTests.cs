using Telemetry.Server.Observability.Internal;

namespace Telemetry.Server.Tests.Observability;

public sealed class SourceLabelsTests
{
    [Fact]
    public void Of_MoreSourcesThanTheLimit_FirstOnesKeepTheirNameLaterOnesAreOther()
    {
        var labels = new SourceLabels(max: 2);

        Assert.Equal("a", labels.Of("a"));
        Assert.Equal("b", labels.Of("b"));
        Assert.Equal(SourceLabels.Other, labels.Of("c"));
        Assert.Equal("a", labels.Of("a"));
        Assert.Equal(SourceLabels.Other, labels.Of("d"));
    }

    [Fact]
    public async Task Of_ManyThreadsBringingNewSources_ExactlyTheLimitKeepTheirName()
    {
        var labels = new SourceLabels(max: 50);
        var seen = new System.Collections.Concurrent.ConcurrentBag<string>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                seen.Add(labels.Of($"s{i}"));
            }
        })));

        Assert.Equal(51, seen.Distinct().Count()); // 50 names and _other
        Assert.Contains(SourceLabels.Other, seen);
    }
}
