using Grpc.Net.Client;
using Spectre.Console;
using Telemetry.Contracts.V1;
using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;
using Telemetry.Simulation.Ascent;
using Telemetry.Replay.Commands;
using Telemetry.Replay.Output.Terminal;

namespace Telemetry.Replay.Streaming;

/// <summary>Streams a run to the ingest server with a progress bar, and reports what the server did with it.</summary>
internal static class StreamRunner
{
    public static Task<int> StreamAsync(IAnsiConsole console, DescentResult result, StreamRequest request, CancellationToken ct) =>
        StreamAsync(console, result.Trajectory, new FrameMapper(result.Scenario.Name, result.Seed, request.Options.Epoch), request, ct);

    public static Task<int> StreamAsync(IAnsiConsole console, AscentResult result, StreamRequest request, CancellationToken ct) =>
        StreamAsync(console, result.Trajectory, new AscentFrameMapper(result.Scenario.Name, result.Seed, request.Options.Epoch), request, ct);

    private static async Task<int> StreamAsync<TSample>(
        IAnsiConsole console, IReadOnlyList<TSample> samples, IFrameMapper<TSample> mapper, StreamRequest request, CancellationToken ct)
    {
        using var channel = GrpcChannel.ForAddress(request.Target);
        var streamer = new TelemetryStreamer(channel.CreateCallInvoker(), request.Options);
        var report = await console.Progress().StartAsync(async context =>
        {
            var task = context.AddTask($"Streaming to {Markup.Escape(request.Target.ToString())}", maxValue: samples.Count);
            var progress = new InlineProgress<int>(frames => task.Increment(frames));
            return await streamer.SendAsync(samples, mapper, progress, ct).ConfigureAwait(false);
        }).ConfigureAwait(false);

        Describe(console, report, mapper.Source);
        return report.Succeeded ? ExitCodes.Ok : ExitCodes.StreamFailed;
    }

    private static void Describe(IAnsiConsole console, StreamReport report, string source)
    {
        console.MarkupLine(
            $"Streamed {report.FramesSent} frames (source [bold]{Markup.Escape(source)}[/]) in {report.BatchesSent} batches: " +
            $"{report.BatchesAcknowledged} acknowledged, {report.FramesWritten} frames written" +
            (report.FramesDuplicate > 0 ? $", {report.FramesDuplicate} already stored (duplicates)" : "") + ".");
        if (report.SequenceResets > 0)
        {
            console.MarkupLine(
                $"The server saw {report.SequenceResets} sender restart(s) on this source (an earlier run's sequence numbers); every frame of this run was written.");
        }
        if (report.Reconnects.Count > 0)
        {
            console.MarkupLine(
                $"[yellow]{report.Reconnects.Count} reconnect(s), {report.FramesResent} frames sent again;[/] first: {Markup.Escape(report.Reconnects[0])}");
        }

        foreach (var refused in report.RefusedBatches)
        {
            console.MarkupLine($"[red]batch {refused.BatchId} refused:[/] {Markup.Escape(refused.Error)}");
        }

        foreach (var rejected in report.Rejections.Take(20))
        {
            console.MarkupLine($"[red]frame {rejected.Sequence} rejected ({rejected.Code}):[/] {Markup.Escape(rejected.Reason)}");
        }

        if (report.Rejections.Count > 20)
        {
            console.MarkupLine($"[red]... and {report.Rejections.Count - 20} more rejected frames.[/]");
        }

        if (report.Failure is not null)
        {
            console.MarkupLine("[red]error:[/] " + Markup.Escape(report.Failure));
        }
    }
}
