namespace Telemetry.Server.Tests;

/// <summary>InfluxDB killed and, a minute later, started again on the same data under streaming load.</summary>
public sealed class InfluxStoppedOutageTests
{
    [Fact]
    public Task Stream_InfluxStoppedForAMinuteThenRestarted_AcksKeepComingMemoryFlatAndEveryFrameStoredAfterwards() =>
        InfluxOutage.RunAsync("stopped", influx => influx.KillAsync(), influx => influx.RestartAsync());
}
