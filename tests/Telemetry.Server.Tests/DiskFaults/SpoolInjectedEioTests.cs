using Grpc.Core;
using Telemetry.Testing;
using Xunit.Abstractions;

namespace Telemetry.Server.Tests.DiskFaults;

/// <summary>
/// EIO from the kernel's fsync and ENOSPC from pwrite, injected at the system-call level by strace while clients
/// stream into the real server process (libfiu's LD_PRELOAD wrappers cannot reach the spool's fsync: it calls libc
/// through its own P/Invoke, resolved past any preloaded library). Every fault ends in UNAVAILABLE naming the errno,
/// the spool resumes by itself between faults, and every acknowledged frame is in InfluxDB with its values.
/// </summary>
public sealed class SpoolInjectedEioTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Stream_FsyncEioAndWriteEnospcInjected_UnavailableNamingErrnoResumesAndEveryAckStored()
    {
        if (!File.Exists("/usr/bin/strace"))
        {
            throw new InvalidOperationException("strace is missing: apt-get install -y strace (it injects the system-call faults of this test)");
        }
        using var spool = new TempDirectory("telemetry-eio-spool");
        // Each traced thread's 40th fsync fails with EIO, then every 25th; its 60th pwrite64 with ENOSPC, then every 90th.
        string[] strace = ["/usr/bin/strace", "-f", "-qq", "--seccomp-bpf", "-o", "/dev/null", "-e", "trace=fsync,pwrite64",
            "-e", "inject=fsync:error=EIO:when=40+25", "-e", "inject=pwrite64:error=ENOSPC:when=60+90"];
        await using var run = await FaultRun.StartAsync("injected", spool.Path, launcher: strace);

        await Eventually.HoldsAsync(() => run.Clients.Any(c => c.Statuses.Any(s => s.Detail.Contains("EIO", StringComparison.Ordinal))) && run.Acked > 400,
            "a status naming EIO and 400 acked batches");
        await run.AckedMoreAsync(100, "acks go on between faults");
        await run.StopStreamingAsync();

        var statuses = run.Clients.SelectMany(c => c.Statuses).ToList();
        output.WriteLine($"acked batches {run.Acked}; statuses: {statuses.Count(s => s.Detail.Contains("EIO", StringComparison.Ordinal))} EIO, " +
            $"{statuses.Count(s => s.Detail.Contains("ENOSPC", StringComparison.Ordinal))} ENOSPC, {statuses.Count} in all; longest wait {run.Clients.Max(c => c.LongestWait).TotalSeconds:0.000} s");
        // Every status the server gave is UNAVAILABLE naming the folder. (A few CANCELLED with no detail can come from
        // the HTTP/2 transport when the server ends a call whose request stream is still open: the client sees the
        // stream reset before the trailers.)
        var given = statuses.Where(s => s.Code != StatusCode.Cancelled || s.Detail.Length > 0).ToList();
        Assert.All(given, s => Assert.Equal(StatusCode.Unavailable, s.Code));
        Assert.All(given, s => Assert.Contains(spool.Path, s.Detail, StringComparison.Ordinal));
        await run.AssertEveryAckStoredAsync();
    }
}
