using System.Text.Json;
using ScottPlot;

namespace Telemetry.Benchmarks.Charts;

/// <summary>
/// <c>chart CASES.json</c>: the bench script's cases as one bar chart, frames/s (left axis) and server CPU seconds per
/// million frames (right axis) side by side for every case, written as <c>bench.png</c> and <c>bench.svg</c> beside
/// the input. CASES.json is a list of <c>{"label", "frames_per_s", "cpu_s_per_million"}</c> (CPU may be null).
/// </summary>
internal static class BenchChart
{
    public const string Verb = "chart";
    private const int Width = 1200;
    private const int Height = 560;

    public static void Write(string casesPath)
    {
        var cases = JsonSerializer.Deserialize<List<BenchCase>>(File.ReadAllText(casesPath), new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })
            ?? throw new InvalidDataException($"{casesPath} holds no cases");
        var plot = new Plot();
        plot.Title("tools/bench/bench.sh: throughput and server CPU per case (2 shared cores, loopback)");
        var rate = new List<Bar>();
        var cpu = new List<Bar>();
        for (var i = 0; i < cases.Count; i++)
        {
            rate.Add(new Bar { Position = i - 0.2, Value = cases[i].FramesPerS, FillColor = Colors.SteelBlue, Size = 0.38 });
            if (cases[i].CpuSPerMillion is { } seconds)
            {
                cpu.Add(new Bar { Position = i + 0.2, Value = seconds, FillColor = Colors.DarkOrange, Size = 0.38 });
            }
        }
        plot.Add.Bars(rate);
        var cpuBars = plot.Add.Bars(cpu);
        cpuBars.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, cases.Count).Select(i => (double)i)], [.. cases.Select(c => c.Label)]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 90;
        plot.Axes.Left.Label.Text = "frames/s (points/s for direct writes)";
        plot.Axes.Right.Label.Text = "CPU s per million frames";
        plot.Axes.SetLimitsX(-0.6, cases.Count - 0.4);
        plot.Axes.SetLimitsY(0, Math.Max(1, cases.Max(c => c.FramesPerS)) * 1.25, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, Math.Max(1, cpu.Count == 0 ? 1 : cpu.Max(b => b.Value)) * 1.25, plot.Axes.Right);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "frames/s", FillColor = Colors.SteelBlue });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "CPU s per million frames (server, or the writing client)", FillColor = Colors.DarkOrange });
        plot.ShowLegend(Alignment.UpperLeft);

        var directory = Path.GetDirectoryName(Path.GetFullPath(casesPath))!;
        plot.SavePng(Path.Combine(directory, "bench.png"), Width, Height);
        File.WriteAllText(Path.Combine(directory, "bench.svg"), plot.GetSvgXml(Width, Height));
        Console.WriteLine($"wrote {Path.Combine(directory, "bench.png")} and bench.svg");
    }

    private sealed record BenchCase(string Label, double FramesPerS, double? CpuSPerMillion);
}
