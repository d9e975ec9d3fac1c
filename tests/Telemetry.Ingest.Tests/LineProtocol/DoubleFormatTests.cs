using System.Globalization;
using System.Text;
using Telemetry.Ingest.LineProtocol.Internal;

namespace Telemetry.Ingest.Tests.LineProtocol;

/// <summary>The encoder's double formatter writes exactly what the framework's shortest round-trip formatter writes.</summary>
public sealed class DoubleFormatTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(0.1)]
    [InlineData(0.3)]
    [InlineData(2.0 / 3.0)]
    [InlineData(1e-5)]
    [InlineData(1.5e-5)]
    [InlineData(9.999999999999999e-5)]
    [InlineData(1e-4)]
    [InlineData(1e14)]
    [InlineData(123456789012345.6)]
    [InlineData(999999999999999.9)]
    [InlineData(1e15)]
    [InlineData(1e16)]
    [InlineData(9007199254740991.0)]
    [InlineData(9007199254740992.0)]
    [InlineData(1e22)]
    [InlineData(1e23)]
    [InlineData(5e-324)]
    [InlineData(2.2250738585072009e-308)]
    [InlineData(2.2250738585072014e-308)]
    [InlineData(double.MaxValue)]
    [InlineData(double.MinValue)]
    [InlineData(1.7976931348623155e308)]
    [InlineData(299792458.0)]
    [InlineData(-1234.5)]
    public void TryFormat_KnownValue_MatchesFramework(double value)
    {
        AssertMatchesFramework(value);
    }

    [Fact]
    public void TryFormat_NegativeZero_MatchesFramework()
    {
        AssertMatchesFramework(-0.0);
    }

    [Fact]
    public void TryFormat_RandomBitPatterns_MatchFramework()
    {
        var random = new Random(11);
        for (int i = 0; i < 200_000; i++)
        {
            double value = BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
            if (double.IsFinite(value))
            {
                AssertMatchesFramework(value);
            }
        }
    }

    [Fact]
    public void TryFormat_TelemetryLikeValues_MatchFramework()
    {
        var random = new Random(12);
        for (int i = 0; i < 100_000; i++)
        {
            double scale = Math.Pow(10, random.Next(-12, 20));
            AssertMatchesFramework(random.NextDouble() * scale);
            AssertMatchesFramework(Math.Round(random.NextDouble() * scale, random.Next(0, 6)));
            AssertMatchesFramework(random.Next() / (double)(1 << random.Next(0, 30)));
            AssertMatchesFramework((double)random.NextInt64(long.MinValue, long.MaxValue) / random.Next(1, 1000));
        }
    }

    [Fact]
    public void TryFormat_PowersOfTwoAndTen_MatchFramework()
    {
        for (int e = -1074; e <= 1023; e++)
        {
            AssertMatchesFramework(Math.ScaleB(1.0, e));
            AssertMatchesFramework(BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(Math.ScaleB(1.0, e)) - 1));
        }

        for (int e = -323; e <= 308; e++)
        {
            double power = double.Parse($"1e{e}", CultureInfo.InvariantCulture);
            AssertMatchesFramework(power);
            AssertMatchesFramework(BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(power) + 1));
        }
    }

    [Fact]
    public void TryFormat_SmallestSubnormalsAndBinadeEdges_MatchFramework()
    {
        // Where the fewest digits are hardest to find: one- and two-digit subnormals, and the uneven gaps at each
        // power of two.
        for (long bits = 1; bits <= 20_000; bits++)
        {
            AssertMatchesFramework(BitConverter.Int64BitsToDouble(bits));
        }

        for (long exponent = 1; exponent < 2047; exponent++)
        {
            for (long offset = -8; offset <= 8; offset++)
            {
                AssertMatchesFramework(BitConverter.Int64BitsToDouble((exponent << 52) + offset));
            }
        }
    }

    [Fact]
    public void TryFormat_ShortDestination_WritesWhatFitsAndRefusesTheRest()
    {
        Span<byte> destination = stackalloc byte[23];

        Assert.True(DoubleFormat.TryFormat(BitConverter.Int64BitsToDouble(0x0410000000000000L), destination, out int written));
        Assert.Equal("4.1045368012983762E-289", Encoding.ASCII.GetString(destination[..written]));
        Assert.True(DoubleFormat.TryFormat(1.5, destination[..3], out written));
        Assert.Equal(3, written);
        Assert.False(DoubleFormat.TryFormat(1.25e300, destination[..8], out written));
        Assert.Equal(0, written);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void TryFormat_NonFinite_Refused(double value)
    {
        Assert.False(DoubleFormat.TryFormat(value, new byte[64], out int written));
        Assert.Equal(0, written);
    }

    [Theory]
    [InlineData(0x0410000000000000L, "4.1045368012983762E-289")]
    [InlineData(0x3E60000000000000L, "2.9802322387695312E-08")]
    public void TryFormat_PowerOfTwoFrameworkGetsWrong_RoundTrips(long bits, string expected)
    {
        Span<byte> ours = stackalloc byte[DoubleFormat.MaxBytes];
        double value = BitConverter.Int64BitsToDouble(bits);

        Assert.True(DoubleFormat.TryFormat(value, ours, out int written));

        Assert.Equal(expected, Encoding.ASCII.GetString(ours[..written]));
        Assert.Equal(bits, BitConverter.DoubleToInt64Bits(double.Parse(expected, CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// Ours always reads back as the same double, and equals the framework's text whenever that reads back too
    /// (otherwise it may not be longer).
    /// </summary>
    private static void AssertMatchesFramework(double value)
    {
        Span<byte> ours = stackalloc byte[DoubleFormat.MaxBytes];
        Span<byte> framework = stackalloc byte[64];
        Assert.True(DoubleFormat.TryFormat(value, ours, out int written));
        Assert.True(value.TryFormat(framework, out int expectedLength, default, CultureInfo.InvariantCulture));
        string text = Encoding.ASCII.GetString(ours[..written]);
        string frameworkText = Encoding.ASCII.GetString(framework[..expectedLength]);

        bool roundTrips = BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture))
            == BitConverter.DoubleToInt64Bits(value);
        bool frameworkRoundTrips = BitConverter.DoubleToInt64Bits(double.Parse(frameworkText, CultureInfo.InvariantCulture))
            == BitConverter.DoubleToInt64Bits(value);
        if (!roundTrips || (frameworkRoundTrips ? text != frameworkText : text.Length > frameworkText.Length + 1))
        {
            Assert.Fail($"{BitConverter.DoubleToInt64Bits(value):X16}: ours {text}, framework {frameworkText}");
        }
    }
}
