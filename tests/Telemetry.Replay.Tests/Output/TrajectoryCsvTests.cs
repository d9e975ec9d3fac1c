using Telemetry.Replay.Output.Csv;

namespace Telemetry.Replay.Tests.Output;

public sealed class TrajectoryCsvTests
{
    [Fact]
    public void Write_KnownSamples_HeaderWithUnitsAndInvariantRows()
    {
        var writer = new StringWriter();
        var run = SyntheticRuns.Descent(samples: 2);

        TrajectoryCsv.Write(new CsvWriter(writer), run.Trajectory);

        var lines = writer.ToString().Split('\n');
        Assert.Equal(4, lines.Length); // header, two rows, and the empty string after the final newline
        Assert.Equal(
            "time_s,true_altitude_m,estimated_altitude_m,descent_rate_mps,horizontal_speed_mps,downrange_m,thrust_n,throttle," +
            "pitch_deg,mass_kg,propellant_kg,lrf_valid,lrf_range_m,lrf_latched_failed,phase",
            lines[0]);
        Assert.Equal("0,2000,2010.5,44.25,3.5,120,2500,0.5,2,700,360,false,,false,vertical_hold", lines[1]);
        Assert.Equal("0.1,1995.5,1996.125,45,3.25,120.5,5000,1,0,699.5,359.5,true,1995.75,false,landing_burn", lines[2]);
        Assert.Equal(string.Empty, lines[3]);
    }

    [Fact]
    public void Write_FullRun_OneRowPerSampleAndEveryRowHasEveryColumn()
    {
        var writer = new StringWriter();
        var run = SyntheticRuns.Descent(samples: 400);

        TrajectoryCsv.Write(new CsvWriter(writer), run.Trajectory);

        var rows = writer.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(401, rows.Length);
        Assert.All(rows, row => Assert.Equal(TrajectoryCsv.Columns.Length, row.Split(',').Length));
    }
}
