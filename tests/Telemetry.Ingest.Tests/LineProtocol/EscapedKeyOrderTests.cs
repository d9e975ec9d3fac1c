using Telemetry.Ingest.LineProtocol.Internal;

namespace Telemetry.Ingest.Tests.LineProtocol;

/// <summary>Tag order: the bytes of the escaped UTF-8 keys, as InfluxDB compares them.</summary>
public sealed class EscapedKeyOrderTests
{
    [Theory]
    [InlineData("a", "b", -1)]
    [InlineData("a", "a", 0)]
    [InlineData("a", "ab", -1)]
    [InlineData("A", ",x", -1)]
    [InlineData(",x", "a", -1)]
    [InlineData("a!", "a b", -1)]
    [InlineData("a=", "a\\", 1)]
    [InlineData("é", "z", 1)]
    [InlineData("\uff5e", "😀", -1)]
    public void Compare_Pair_OrderOfEscapedBytes(string x, string y, int expected)
    {
        Assert.Equal(expected, EscapedKeyOrder.Compare(Utf8(x), Utf8(y)));
        Assert.Equal(-expected, EscapedKeyOrder.Compare(Utf8(y), Utf8(x)));
    }

    [Fact]
    public void Compare_RandomKeys_AgreesWithComparingEscapedBytes()
    {
        string[] alphabet = ["a", "b", "A", ",", "=", " ", "\\", "!", "\"", "é", "\uff5e", "😀", "0"];
        var random = new Random(5);
        for (int i = 0; i < 50_000; i++)
        {
            string x = RandomKey(random, alphabet);
            string y = RandomKey(random, alphabet);

            int expected = Math.Sign(LineParser.EscapedKeyBytes(x).AsSpan().SequenceCompareTo(LineParser.EscapedKeyBytes(y)));

            Assert.Equal(expected, EscapedKeyOrder.Compare(Utf8(x), Utf8(y)));
        }
    }

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    private static string RandomKey(Random random, string[] alphabet) =>
        string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => alphabet[random.Next(alphabet.Length)]));
}
