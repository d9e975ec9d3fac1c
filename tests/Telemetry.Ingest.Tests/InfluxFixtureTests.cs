using Telemetry.Testing;

namespace Telemetry.Ingest.Tests;

[Collection(InfluxCollection.Name)]
public sealed class InfluxFixtureTests(InfluxFixture influx)
{
    [Fact]
    public async Task WriteLinesAsync_ThreePoints_QueryReturnsExactValuesAndTags()
    {
        var db = InfluxFixture.NewDatabaseName(nameof(WriteLinesAsync_ThreePoints_QueryReturnsExactValuesAndTags));
        await influx.CreateDatabaseAsync(db);

        await influx.WriteLinesAsync(db, "m,host=a v=1.5 1000\nm,host=a v=2.5 2000\nm,host=b v=3 3000\n");

        Assert.Equal(3, await influx.CountAsync(db, "m", "v"));
        var rows = await influx.QueryAsync(db, "SELECT v FROM m GROUP BY host");
        Assert.Equal(
            [("a", 1000L, 1.5), ("a", 2000L, 2.5), ("b", 3000L, 3.0)],
            rows.Select(r => (r.Tags["host"], r.Values["time"].GetInt64(), r.Values["v"].GetDouble())).ToArray());
    }

    [Fact]
    public async Task WriteLinesAsync_DatabaseMissing_ThrowsWithInfluxReason()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => influx.WriteLinesAsync(InfluxFixture.NewDatabaseName("missing"), "m v=1 1\n"));

        Assert.Contains("404", error.Message, StringComparison.Ordinal);
        Assert.Contains("database not found", error.Message, StringComparison.Ordinal);
    }
}
