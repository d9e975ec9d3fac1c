using SkiaSharp;
using Telemetry.Replay.Output;
using Telemetry.Replay.Output.Plots;
using Telemetry.Testing;

namespace Telemetry.Replay.Tests.Output;

public sealed class RunOutputsTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly TempDirectory _directory = new("replay-outputs");

    [Fact]
    public void Write_SyntheticRun_CsvJsonSevenPlotsAndReportInTheDirectory()
    {
        var outputs = RunOutputs.Write(SyntheticRuns.Descent(), _directory.Path);

        Assert.Equal(
            [
                "altitude.png", "altitude.svg", "descent-rate.png", "descent-rate.svg", "final-altitude.png", "final-altitude.svg",
                "final-descent-rate.png", "final-descent-rate.svg", "lrf-validity.png", "lrf-validity.svg", "outcome.json",
                "propellant.png", "propellant.svg", "report.html", "thrust.png", "thrust.svg", "trajectory.csv",
            ],
            Directory.GetFiles(_directory.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(17, outputs.Files.Count());
        Assert.Equal(401, File.ReadAllLines(outputs.CsvPath).Length);
    }

    [Fact]
    public void Write_SyntheticRun_HtmlIsSelfContainedWithTimelineOutcomeAndPlots()
    {
        var outputs = RunOutputs.Write(SyntheticRuns.Descent(), _directory.Path);

        var html = File.ReadAllText(outputs.HtmlPath);
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<h2>Event timeline</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<td>LRF first valid return</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>impact at 12.3 m/s</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>lrf_first_valid</td>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Outcome</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Public figures: made-up figures</h2>", html, StringComparison.Ordinal);
        // LRF first valid: model 1995.5 m against 1990 ± 10 m is within; contact 12.3 m/s against 40 ± 1 is not.
        Assert.Contains("<tr class=\"good\"><td>LRF first valid altitude</td><td>1990.0 m</td><td>1995.5 m</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"bad\"><td>contact speed</td><td>40.0 m/s</td><td>12.3 m/s</td>", html, StringComparison.Ordinal);
        Assert.Equal(7, CountOf(html, "<svg"));
        Assert.Equal(7, CountOf(html, "</svg>"));
    }

    [Fact]
    public void Write_SyntheticRun_PngsAreValidNonTrivialImagesOfTheSharedSize()
    {
        var outputs = RunOutputs.Write(SyntheticRuns.Descent(), _directory.Path);

        Assert.Equal(7, outputs.Plots.Count);
        foreach (var plot in outputs.Plots)
        {
            AssertNonTrivialPng(plot.PngPath);
        }
    }

    internal static void AssertNonTrivialPng(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(PngSignature, bytes[..8]);
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.Equal((PlotFiles.Width, PlotFiles.Height), (bitmap.Width, bitmap.Height));
        // Text, axes, grid and lines give a plot hundreds of colours; a blank or failed render has one or two.
        var colours = new HashSet<uint>();
        for (var y = 0; y < bitmap.Height; y += 3)
        {
            for (var x = 0; x < bitmap.Width; x += 3)
            {
                colours.Add((uint)bitmap.GetPixel(x, y));
            }
        }

        Assert.True(colours.Count > 20, $"{Path.GetFileName(path)} has only {colours.Count} colours");
    }

    public void Dispose() => _directory.Dispose();

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
