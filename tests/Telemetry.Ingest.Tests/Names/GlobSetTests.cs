using Telemetry.Ingest.Names;

namespace Telemetry.Ingest.Tests.Names;

public sealed class GlobSetTests
{
    [Theory]
    [InlineData("resilience/*", "resilience/gnc", true)]
    [InlineData("resilience/*", "resilience/", true)]
    [InlineData("resilience/*", "resilience", false)]
    [InlineData("resilience/*", "Resilience/gnc", false)]
    [InlineData("*/gnc", "kairos/gnc", true)]
    [InlineData("*/gnc", "kairos/gnc2", false)]
    [InlineData("imu_?", "imu_x", true)]
    [InlineData("imu_?", "imu_xy", false)]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXcYYb", false)]
    [InlineData("exact", "exact", true)]
    [InlineData("exact", "exactly", false)]
    [InlineData("*", "", true)]
    public void Matches_Pattern_AsGlob(string pattern, string name, bool expected)
    {
        Assert.Equal(expected, new GlobSet([pattern]).Matches(name));
    }

    [Fact]
    public void Matches_EmptySet_MatchesEverything()
    {
        var set = new GlobSet([]);

        Assert.True(set.MatchesAll);
        Assert.True(set.Matches("anything at all"));
    }

    [Fact]
    public void Matches_HostileLongName_AnswersQuickly()
    {
        var set = new GlobSet(["*a*a*a*a*a*a*a*b"]);
        var name = new string('a', 100_000);
        var started = System.Diagnostics.Stopwatch.StartNew();

        Assert.False(set.Matches(name));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"took {started.Elapsed}");
    }
}
