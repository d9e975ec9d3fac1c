using System.Diagnostics;
using System.Globalization;
using System.Text;
using Telemetry.Testing;
using Xunit.Abstractions;

namespace Telemetry.Server.Tests.DiskFaults;

/// <summary>
/// The soak: random faults under streaming load, one after another, against the real server on a loop-mounted ext4
/// spool under strace (which injects a rare fsync EIO and pwrite ENOSPC all along): the disk filled, the disk turned
/// read-only (then the server killed, e2fsck, restarted), influxd killed or frozen, the server killed with SIGKILL.
/// Every acknowledged frame must be in InfluxDB with its values, and no batch may be left hanging; the table gives
/// the longest wait for an ack or a status, and the longest per kind of fault (the target is 2 s).
/// Each kind of fault comes once first, then random ones until <c>TELEMETRY_SOAK_SECONDS</c> have passed (default 0:
/// the five, about 40 s; <c>tools/soak/fault-soak.sh</c> runs 1800);
/// <c>TELEMETRY_SOAK_SEED</c> the random seed, <c>TELEMETRY_SOAK_SUMMARY</c> a file for the summary table.
/// </summary>
public sealed class FaultSoakTests(ITestOutputHelper output)
{
    private const int FramesPerBatch = 50;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);
    private static readonly string[] Kinds = ["disk full", "read-only disk", "influxd killed", "influxd frozen", "server SIGKILL"];

    [Fact]
    public async Task Stream_RandomFaultsUnderLoad_NoAcknowledgedFrameLostAndNoBatchLeftHanging()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("TELEMETRY_SOAK_SECONDS"), out var s) ? s : 0;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("TELEMETRY_SOAK_SEED"), out var r) ? r : Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"soak of {seconds} s, seed {seed}");
        await using var disk = await MountedFolder.Ext4Async(512L << 20);
        string[] strace = ["/usr/bin/strace", "-f", "-qq", "--seccomp-bpf", "-o", "/dev/null", "-e", "trace=fsync,pwrite64",
            "-e", "inject=fsync:error=EIO:when=500+700", "-e", "inject=pwrite64:error=ENOSPC:when=900+1500"];
        await using var run = await FaultRun.StartAsync("soak", disk.Path, settings: new Dictionary<string, string>
        {
            ["Spool:SegmentBytes"] = "4194304",
        }, launcher: strace);
        var counts = new int[Kinds.Length];
        var clock = Stopwatch.StartNew();
        for (var round = 1; round <= Kinds.Length || clock.Elapsed.TotalSeconds < seconds; round++)
        {
            await run.NextRoundAsync(round.ToString(CultureInfo.InvariantCulture), FramesPerBatch, Interval);
            await Task.Delay(random.Next(2000, 5000));
            var kind = round <= Kinds.Length ? round - 1 : random.Next(Kinds.Length);
            counts[kind]++;
            foreach (var client in run.Clients)
            {
                client.Fault = kind;
            }
            await InjectAsync(kind, run, disk, random);
        }
        await Task.Delay(2000);
        await run.StopStreamingAsync();

        using var influx = new InfluxClient(run.Influx.BaseAddress);
        long acked = 0, stored = 0, missing = 0;
        await Eventually.HoldsAsync(async () =>
        {
            (acked, stored, missing) = (0, 0, 0);
            foreach (var client in run.AllClients)
            {
                var (a, st, m) = await client.Ledger.CountAsync(influx, run.Database);
                (acked, stored, missing) = (acked + a, stored + st, missing + m);
            }
            return missing == 0;
        }, () => $"{missing} acknowledged frames missing");
        var longest = run.AllClients.Max(c => c.LongestWait);
        for (var k = 0; k < Kinds.Length; k++)
        {
            var waits = run.AllClients.Where(c => c.Fault == k).Select(c => c.LongestWait).DefaultIfEmpty().Max();
            output.WriteLine($"{Kinds[k]}: longest wait {waits.TotalSeconds:0.000} s");
        }
        var table = new StringBuilder()
            .AppendLine("| soak | seconds | faults | acked frames | frames stored | lost | longest wait without a status |")
            .AppendLine("| --- | ---: | --- | ---: | ---: | ---: | ---: |")
            .AppendLine(CultureInfo.InvariantCulture, $"| seed {seed} | {clock.Elapsed.TotalSeconds:0} | {string.Join(", ", Kinds.Select((k, i) => $"{k} x{counts[i]}"))} | {acked:N0} | {stored:N0} | {missing} | {longest.TotalSeconds:0.000} s |")
            .ToString();
        output.WriteLine(table);
        if (Environment.GetEnvironmentVariable("TELEMETRY_SOAK_SUMMARY") is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, table);
        }
        await run.AssertEveryAckStoredAsync();
    }

    private static async Task InjectAsync(int kind, FaultRun run, MountedFolder disk, Random random)
    {
        switch (kind)
        {
            case 0:
                await FillAsync(disk.Path, TimeSpan.FromMilliseconds(random.Next(1000, 4000)));
                break;
            case 1:
                await disk.FailReadOnlyAsync();
                await Task.Delay(random.Next(500, 2000));
                await run.Server.KillAsync();
                await disk.RepairAsync();
                await run.Server.RestartAsync();
                break;
            case 2:
                await run.Influx.KillAsync();
                await Task.Delay(random.Next(1000, 5000));
                await run.Influx.RestartAsync();
                break;
            case 3:
                await run.Influx.PauseAsync();
                await Task.Delay(random.Next(1000, 6000));
                await run.Influx.ResumeAsync();
                break;
            default:
                await run.Server.KillAsync();
                await run.Server.RestartAsync();
                break;
        }
    }

    /// <summary>Fills the filesystem and keeps it full for <paramref name="duration"/>, then frees the space.</summary>
    private static async Task FillAsync(string folder, TimeSpan duration)
    {
        var path = Path.Combine(folder, "filler");
        var chunk = new byte[1 << 20];
        var until = Stopwatch.StartNew();
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite, 0))
        {
            while (until.Elapsed < duration)
            {
                try
                {
                    file.Write(chunk, 0, chunk.Length);
                }
                catch (IOException)
                {
                    chunk = new byte[4096];
                    await Task.Delay(10);
                }
            }
        }
        File.Delete(path);
    }
}
