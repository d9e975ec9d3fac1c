using System.Diagnostics;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Telemetry.Ingest.Spool;
using Telemetry.Ingest.Spool.Internal;
using Telemetry.Testing;

namespace Telemetry.Server.Tests.DiskFaults;

/// <summary>
/// A stream whose batches fail in the spool while the client sends nothing more (it waits for their acks) ends at
/// once with the failure's status: the server does not wait for a next message that will never come.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class SpoolFaultStatusTests(InfluxFixture influx)
{
    [Fact]
    public async Task Stream_BatchesFailWhileClientWaitsForAcks_CallEndsUnavailableNamingFolderAndErrno()
    {
        var db = InfluxFixture.NewDatabaseName("spool_fault_status");
        await using var server = await TestServer.StartAsync(influx, db);
        var spool = server.Services.GetRequiredService<SpoolSink>();
        using var call = server.Client.Stream(deadline: DateTime.UtcNow.AddMinutes(1));
        await call.RequestStream.WriteAsync(Frames.Batch(1, "fault-status", 0, 10));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.True(call.ResponseStream.Current.Accepted);

        spool.Faults.Set(DiskOperation.Fsync, 5);
        var sent = Stopwatch.StartNew();
        for (ulong b = 2; b <= 5; b++)
        {
            await call.RequestStream.WriteAsync(Frames.Batch(b, "fault-status", (b - 1) * 10, 10));
        }
        // No more messages and no end of the request stream: the client waits for its four acks.
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains(spool.Directory, error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("EIO (Input/output error", error.Status.Detail, StringComparison.Ordinal);
        Assert.InRange(sent.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        spool.Faults.Clear();
        await Eventually.HoldsAsync(() => spool.Stats.WriterFault is null, "the spool writes again");
        var ack = await server.Client.WriteAsync(Frames.Batch(6, "fault-status", 50, 10));
        Assert.Equal((true, 10u), (ack.Accepted, ack.WrittenCount));
        await server.WaitUntilForwardedAsync();
        var steps = (await influx.QueryAsync(db, "SELECT step FROM descent")).Select(r => r.Values["step"].GetInt64());
        Assert.Equal([.. Enumerable.Range(0, 10).Select(i => (long)i), .. Enumerable.Range(50, 10).Select(i => (long)i)], steps);
    }
}
