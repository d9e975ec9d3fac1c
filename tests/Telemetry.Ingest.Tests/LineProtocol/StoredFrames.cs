using Telemetry.Contracts.V1;
using Telemetry.Ingest.LineProtocol;
using Telemetry.Testing;

namespace Telemetry.Ingest.Tests.LineProtocol;

/// <summary>Writes one encoded frame to a fresh database of the real influxd and reads back the single point.</summary>
internal static class StoredFrames
{
    public static async Task<InfluxRow> WriteAndReadAsync(InfluxFixture influx, Frame frame, FrameEncoder? encoder = null)
    {
        string database = InfluxFixture.NewDatabaseName("lineprotocol");
        await influx.CreateDatabaseAsync(database);
        await influx.WriteLinesAsync(database, Encode.Line(frame, encoder));
        return Assert.Single(await influx.QueryAsync(database, "SELECT * FROM /.*/ GROUP BY *"));
    }
}
