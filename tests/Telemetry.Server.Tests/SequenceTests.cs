using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Telemetry.Contracts.V1;
using Telemetry.Server.Observability;
using Telemetry.Testing;

namespace Telemetry.Server.Tests;

/// <summary>
/// What a user expects stored is stored, whatever the client does with <c>sequence</c>, and the acks' counts say
/// exactly what this batch stored: each case is checked in InfluxDB point by point (key and values).
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class SequenceTests(InfluxFixture influx)
{
    [Fact]
    public async Task Write_ClientLeavesSequenceUnset_EveryFrameStored()
    {
        var db = InfluxFixture.NewDatabaseName("unset");
        await using var server = await TestServer.StartAsync(influx, db);
        var batch = new FrameBatch { BatchId = 1 };
        batch.Frames.AddRange(Enumerable.Range(1, 10).Select(i => Frames.Sample("naive", (ulong)i)));
        foreach (var frame in batch.Frames)
        {
            frame.Sequence = 0;
        }

        var ack = await server.Client.WriteAsync(batch);

        Assert.Equal((10u, 0u), (ack.WrittenCount, ack.DuplicateCount));
        await server.WaitUntilForwardedAsync();
        await StoredFrames.AssertStoredAsync(q => influx.QueryAsync(db, q), batch.Frames);
    }

    [Fact]
    public async Task Stream_SecondRunRestartsTheCounter_BothRunsStoredAndOneResetPoint()
    {
        var db = InfluxFixture.NewDatabaseName("restart");
        await using var server = await TestServer.StartAsync(influx, db);
        // Two runs of a replay on one source: sequences 1-300 each time, the second run an hour later.
        var first = Frames.Batch(1, "replay", 1, 300);
        var second = Frames.Batch(2, "replay", 1, 300);
        foreach (var frame in second.Frames)
        {
            frame.TimestampNs += 3_600_000_000_000;
            frame.Fields[0].DoubleValue += 0.5;
        }

        var ack1 = await server.Client.WriteAsync(first);
        var ack2 = await server.Client.WriteAsync(second);

        Assert.Equal((300u, 0u, 0u), (ack1.WrittenCount, ack1.DuplicateCount, ack1.ResetCount));
        Assert.Equal((300u, 0u, 1u, 0u), (ack2.WrittenCount, ack2.DuplicateCount, ack2.ResetCount, ack2.GapCount));
        await server.WaitUntilForwardedAsync();
        await StoredFrames.AssertStoredAsync(q => influx.QueryAsync(db, q), first.Frames.Concat(second.Frames));
        var reset = Assert.Single(await influx.QueryAsync(db, "SELECT * FROM telemetry_gaps"));
        Assert.Equal(("replay", 300L, 1L), (reset.Values["source"].GetString(), reset.Values["reset_from"].GetInt64(), reset.Values["reset_to"].GetInt64()));
        Assert.Equal(second.Frames[0].TimestampNs, reset.Values["time"].GetInt64());
    }

    [Fact]
    public async Task Stream_HoleThenResentBatch_OneGapPointAndTheResendCountedAsDuplicatesOnly()
    {
        var db = InfluxFixture.NewDatabaseName("gaps");
        await using var server = await TestServer.StartAsync(influx, db);
        using var call = server.Client.Stream();
        // Sequences 1-100, then 151-200 (101-150 never sent), then 151-200 again (a resend after a reconnect).
        await call.RequestStream.WriteAsync(Frames.Batch(1, "gapped", 1, 100));
        await call.RequestStream.WriteAsync(Frames.Batch(2, "gapped", 151, 50));
        // The resend comes once the first copy is durable (its ack is in): only then is it a duplicate.
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        await call.RequestStream.WriteAsync(Frames.Batch(3, "gapped", 151, 50));
        await call.RequestStream.CompleteAsync();
        var third = Assert.Single(await call.ResponseStream.ReadAllAsync().ToListAsync());

        Assert.Equal((0u, 50u, 0u), (third.WrittenCount, third.DuplicateCount, third.GapCount));
        Assert.Empty(third.Rejections);
        await server.WaitUntilForwardedAsync();
        var gap = Assert.Single(await influx.QueryAsync(db, "SELECT * FROM telemetry_gaps"));
        Assert.Equal(("gapped", 101L, 150L, 50L), (gap.Values["source"].GetString(), gap.Values["first_missing"].GetInt64(),
            gap.Values["last_missing"].GetInt64(), gap.Values["missing"].GetInt64()));
        Assert.Equal(Frames.StartNs + (151 * 10_000_000L), gap.Values["time"].GetInt64());
        await StoredFrames.AssertStoredAsync(q => influx.QueryAsync(db, q),
            Frames.Batch(0, "gapped", 1, 100).Frames.Concat(Frames.Batch(0, "gapped", 151, 50).Frames));
    }

    [Fact]
    public async Task Write_SequencesAcross2To64_AnsweredAndOtherClientsServedWithinASecond()
    {
        var db = InfluxFixture.NewDatabaseName("wrap");
        await using var server = await TestServer.StartAsync(influx, db);
        var edge = new FrameBatch { BatchId = 1 };
        edge.Frames.Add(Frames.Sample("edge", 0, "wrap"));
        edge.Frames[0].Sequence = ulong.MaxValue - 1;
        edge.Frames.Add(Frames.Sample("edge", 1, "wrap"));
        edge.Frames[1].Sequence = ulong.MaxValue;
        edge.Frames.Add(Frames.Sample("edge", 2, "wrap"));
        edge.Frames[2].Sequence = 1;

        var ack = await server.Client.WriteAsync(edge, deadline: DateTime.UtcNow.AddSeconds(5));
        var other = await server.Client.WriteAsync(Frames.Batch(2, "other", 1, 10), deadline: DateTime.UtcNow.AddSeconds(1));

        Assert.Equal((3u, 0u, 0u, 0u), (ack.WrittenCount, ack.DuplicateCount, ack.GapCount, ack.ResetCount));
        Assert.Equal(10u, other.WrittenCount);
        await server.WaitUntilForwardedAsync();
        await StoredFrames.AssertStoredAsync(q => influx.QueryAsync(db, q), edge.Frames);
        Assert.Empty(await influx.QueryAsync(db, "SELECT * FROM telemetry_gaps"));
    }

    [Fact]
    public async Task Write_AnotherKeyUsesTheSameSourceAndSequences_OwnersFramesStillStored()
    {
        var db = InfluxFixture.NewDatabaseName("scope");
        var (intruderKey, intruder) = TestKeys.Create("intruder", sources: ["v1"], measurements: ["a"]);
        var (ownerKey, owner) = TestKeys.Create("owner", sources: ["v1"], measurements: ["b"]);
        await using var server = await TestServer.StartAsync(influx, db,
            TestKeys.Merge(intruder, owner, new Dictionary<string, string?> { ["Security:AllowAnonymous"] = "false" }));
        var forged = Frames.Batch(1, "v1", 1, 20, "a");
        var real = Frames.Batch(2, "v1", 1, 20, "b");

        Assert.Equal(20u, (await server.Client.WriteAsync(forged, TestKeys.Bearer(intruderKey))).WrittenCount);
        var ack = await server.Client.WriteAsync(real, TestKeys.Bearer(ownerKey));

        Assert.Equal((20u, 0u), (ack.WrittenCount, ack.DuplicateCount));
        await server.WaitUntilForwardedAsync();
        await StoredFrames.AssertStoredAsync(q => influx.QueryAsync(db, q), forged.Frames.Concat(real.Frames));
    }

    [Fact]
    public async Task Write_ResendWhileTheFirstCopyWaitsForInfluxDb_WrittenNotAckedAsDuplicate()
    {
        await using var own = await InfluxProcess.StartAsync();
        var db = InfluxFixture.NewDatabaseName("inflight");
        await using var server = await TestServer.StartAsync(own.BaseAddress, db, new Dictionary<string, string?>
        {
            ["Ingest:AckAfter"] = "Database",
            ["Influx:RequestTimeout"] = "00:00:02",
        });
        var batch = Frames.Batch(1, "inflight", 1, 50);
        Assert.Equal(1u, (await server.Client.WriteAsync(Frames.Batch(0, "inflight-warm", 1, 1, "warm"))).WrittenCount);

        await own.PauseAsync();
        var lost = await Assert.ThrowsAsync<RpcException>(async () =>
            await server.Client.WriteAsync(batch, deadline: DateTime.UtcNow.AddSeconds(1)));
        Assert.Equal(StatusCode.DeadlineExceeded, lost.StatusCode);
        // The client resends at once, while the first copy still waits; InfluxDB answers again later. The resend is
        // not a duplicate of a copy that was never durable: it is written, and its ack says so.
        var resend = server.Client.WriteAsync(batch, deadline: DateTime.UtcNow.AddSeconds(60)).ResponseAsync;
        var metrics = server.Services.GetRequiredService<ServerMetrics>();
        await Eventually.HoldsAsync(() => metrics.FramesTotal == 101, "the server admitted the resend (1 + 50 + 50 frames received)");
        await own.ResumeAsync();
        var ack = await resend;

        Assert.Equal((50u, 0u), (ack.WrittenCount, ack.DuplicateCount));
        Assert.Equal(AckDurability.Database, ack.Durability);
        var client = new InfluxClient(own.BaseAddress);
        await StoredFrames.AssertStoredAsync(q => client.QueryAsync(db, q), batch.Frames);
    }

    [Fact]
    public async Task Write_ServerKilledAndRestarted_ResendsRecognisedAndGapsReportedAcrossTheRestart()
    {
        var db = InfluxFixture.NewDatabaseName("restored");
        using var spool = new TempDirectory("telemetry-seq-spool");
        await using var server = await ServerProcess.StartAsync(influx.BaseAddress, db, spool.Path,
            new Dictionary<string, string> { ["Sequences:SnapshotInterval"] = "00:00:01" });
        var first = Frames.Batch(1, "crashy", 1, 100);
        Assert.Equal(100u, (await server.Client.WriteAsync(first)).WrittenCount);
        var snapshot = Path.Combine(spool.Path, "sequences.snapshot");
        // Written after the commit: the window then holds 100 slots of 16 bytes (a snapshot taken earlier holds none).
        await Eventually.HoldsAsync(() => File.Exists(snapshot) && new FileInfo(snapshot).Length > 100 * 16, "a sequence snapshot that holds the batch");

        await server.KillAsync();
        await server.RestartAsync();
        var resend = await server.Client.WriteAsync(first);
        var after = await server.Client.WriteAsync(Frames.Batch(2, "crashy", 111, 10));

        Assert.Equal((0u, 100u), (resend.WrittenCount, resend.DuplicateCount));
        Assert.Equal((10u, 0u, 1u), (after.WrittenCount, after.DuplicateCount, after.GapCount));
        await Eventually.HoldsAsync(async () => (await influx.QueryAsync(db, "SELECT * FROM telemetry_gaps")).Count == 1, () => "the gap point");
        var gap = Assert.Single(await influx.QueryAsync(db, "SELECT * FROM telemetry_gaps"));
        Assert.Equal((101L, 110L, 10L), (gap.Values["first_missing"].GetInt64(), gap.Values["last_missing"].GetInt64(), gap.Values["missing"].GetInt64()));
        await Eventually.HoldsAsync(async () => (await influx.QueryAsync(db, "SELECT step FROM descent")).Count == 110, () => "110 frames forwarded");
        await StoredFrames.AssertStoredAsync(q => influx.QueryAsync(db, q), first.Frames.Concat(Frames.Batch(2, "crashy", 111, 10).Frames));
    }
}
