using Telemetry.Simulation.Descent.Sensitivity;
using Telemetry.Simulation.Descent;

namespace Telemetry.Simulation.Tests.Descent.Sensitivity;

public sealed class SensitivityAnalysisTests
{
    private static readonly Scenario Nominal = ScenarioCatalog.Load("nominal");
    private static readonly SensitivityResult NominalResult = SensitivityAnalysis.Run(Nominal, samples: 12, seed: 3);

    [Fact]
    public void Run_OneAtATime_FliesEachParameterAtExactlyTheEndsOfItsRange()
    {
        Assert.Equal(SensitivityParameters.For(Nominal).Select(p => p.Name), NominalResult.OneAtATime.Select(r => r.Parameter.Name));
        Assert.Equal(SensitivityFigures.MeasureAll(DescentSimulator.Run(Nominal, 3, recordEvery: 0)), NominalResult.Baseline);
        foreach (var run in NominalResult.OneAtATime)
        {
            var p = run.Parameter;
            Assert.Equal(SensitivityFigures.MeasureAll(DescentSimulator.Run(p.Apply(Nominal, p.Low), 3, recordEvery: 0)), run.AtLow);
            Assert.Equal(SensitivityFigures.MeasureAll(DescentSimulator.Run(p.Apply(Nominal, p.High), 3, recordEvery: 0)), run.AtHigh);
        }
    }

    [Fact]
    public void Run_LatinHypercube_FliesTheDesignAndIsDeterministic()
    {
        var parameters = NominalResult.Parameters;
        var design = SensitivityAnalysis.LatinHypercube(parameters, 12, seed: 3);

        Assert.Equal(12, NominalResult.Sample.Count);
        for (var k = 0; k < design.Length; k++)
        {
            var flown = Nominal;
            for (var j = 0; j < parameters.Count; j++)
            {
                flown = parameters[j].Apply(flown, design[k][j]);
                Assert.Equal(parameters[j].ValueIn(flown), NominalResult.Sample[k].Values[j]);
            }

            Assert.Equal(SensitivityFigures.MeasureAll(DescentSimulator.Run(flown, 3, recordEvery: 0)), NominalResult.Sample[k].Figures);
        }

        var again = SensitivityAnalysis.Run(Nominal, samples: 12, seed: 3);
        Assert.Equal(NominalResult.Sample.Select(r => r.Figures), again.Sample.Select(r => r.Figures));
    }

    [Fact]
    public void Tornado_NominalContactSpeed_TerminalDescentRateOnTopAtItsOwnValues()
    {
        // A known answer: the terminal phase holds its commanded rate until contact, so the contact speed is that rate.
        var tornado = NominalResult.Tornado(SensitivityFigure.ContactSpeed);

        Assert.Equal("terminal_descent_rate", tornado[0].Parameter.Name);
        Assert.Equal(tornado[0].Parameter.Low, tornado[0].AtLow, 0.05);
        Assert.Equal(tornado[0].Parameter.High, tornado[0].AtHigh, 0.05);
        Assert.True(tornado.Skip(1).All(b => b.Swing < 0.1 * tornado[0].Swing));
        Assert.Equal(tornado.Select(b => b.Swing).OrderByDescending(s => s), tornado.Select(b => b.Swing));
    }

    [Fact]
    public void Tornado_ConstructedRuns_WidestSwingFirstTiesInParameterOrderMissingValuesLeftOut()
    {
        var p = SensitivityParameters.All;
        double?[] Figures(double? contact) => [contact, 0, 0, 0, 0, null];
        var result = new SensitivityResult(Nominal, 0, [p[0], p[1], p[2], p[3]], Figures(5),
            [
                new OneAtATimeRun(p[0], Figures(4), Figures(6)),
                new OneAtATimeRun(p[1], Figures(9), Figures(1)),
                new OneAtATimeRun(p[2], Figures(null), Figures(50)),
                new OneAtATimeRun(p[3], Figures(7), Figures(5)),
            ],
            []);

        var tornado = result.Tornado(SensitivityFigure.ContactSpeed);
        Assert.Equal([p[1], p[0], p[3]], tornado.Select(b => b.Parameter));
        Assert.Equal([8.0, 2, 2], tornado.Select(b => b.Swing));
        Assert.Empty(result.Tornado(SensitivityFigure.PropellantOutAltitude));
    }

    [Fact]
    public void RankCorrelations_FigureMonotoneInOneParameter_PlusOrMinusOne()
    {
        var p = SensitivityParameters.All;
        var sample = Enumerable.Range(0, 10).Select(k => new LatinHypercubeRun(
            [k, (k * 7) % 10], [Math.Exp(k), 0, 0, -k * k, 0, k < 5 ? null : 1.0])).ToList();
        var result = new SensitivityResult(Nominal, 0, [p[0], p[1]], [0, 0, 0, 0, 0, null], [], sample);

        Assert.Equal(1, result.RankCorrelations(SensitivityFigure.ContactSpeed)[0], 1e-12);
        Assert.Equal(-1, result.RankCorrelations(SensitivityFigure.Duration)[0], 1e-12);
        Assert.True(double.IsNaN(result.RankCorrelations(SensitivityFigure.PropellantLeft)[0]), "a constant figure has no ranking");
        var spread = result.Spread(SensitivityFigure.ContactSpeed)!;
        Assert.Equal((10, 1.0, Math.Exp(9)), (spread.Runs, spread.Min, spread.Max));
        Assert.Equal(0.5 * (Math.Exp(4) + Math.Exp(5)), spread.Median, 1e-9);
        Assert.Equal(5, result.Spread(SensitivityFigure.PropellantOutAltitude)!.Runs);
    }
}
