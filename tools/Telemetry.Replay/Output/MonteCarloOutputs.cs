using Telemetry.Replay.Analysis;
using Telemetry.Replay.Output.Csv;
using Telemetry.Replay.Output.Html;
using Telemetry.Replay.Output.Plots;
using Telemetry.Replay.Output.Tables;

namespace Telemetry.Replay.Output;

/// <summary>The files of a Monte Carlo campaign: per-run CSV, the contact-speed histogram, and the HTML report.</summary>
internal static class MonteCarloOutputs
{
    public const string CsvName = "runs.csv";

    public static ReportFiles Write(MonteCarloCampaign campaign, string directory)
    {
        var csv = Path.Combine(directory, CsvName);
        MonteCarloCsv.Write(csv, campaign);
        var histogram = HistogramPlot.Write(campaign, directory);
        var html = Path.Combine(directory, ReportFiles.HtmlName);
        var d = campaign.Scenario.Dispersion;
        new HtmlReport($"Monte Carlo: {campaign.Scenario.Name}")
            .Paragraph(campaign.Scenario.Description)
            .Paragraph(
                $"Dispersions (1 sigma): IMU bias {Number.F(d.ImuBiasSigmaMps2, 4)} m/s², thrust {Number.Percent(d.ThrustScaleSigma)}, " +
                $"LRF noise log-sigma {Number.F(d.LrfNoiseLogSigma, 2)}, initial altitude {Number.F(d.InitialAltitudeSigmaM)} m, " +
                $"initial horizontal speed {Number.F(d.InitialHorizontalSpeedSigmaMps)} m/s, initial descent rate " +
                $"{Number.F(d.InitialDescentRateSigmaMps)} m/s. Per-run outcomes in {CsvName}.")
            .Paragraph(campaign.Verdict, "verdict")
            .Table(MonteCarloTable.Build(campaign))
            .Plot(histogram)
            .Scenario(campaign.Scenario)
            .Save(html);
        return new ReportFiles(csv, [histogram], html);
    }
}
