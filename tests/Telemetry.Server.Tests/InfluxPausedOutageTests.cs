namespace Telemetry.Server.Tests;

/// <summary>InfluxDB frozen with SIGSTOP for a minute under streaming load (its sockets open, nothing answering).</summary>
public sealed class InfluxPausedOutageTests
{
    [Fact]
    public Task Stream_InfluxFrozenForAMinute_AcksKeepComingMemoryFlatAndEveryFrameStoredAfterwards() =>
        InfluxOutage.RunAsync("paused", influx => influx.PauseAsync(), influx => influx.ResumeAsync());
}
