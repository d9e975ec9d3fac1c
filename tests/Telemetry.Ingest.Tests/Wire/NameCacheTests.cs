using System.Text;
using Telemetry.Ingest.Wire.Internal;

namespace Telemetry.Ingest.Tests.Wire;

public sealed class NameCacheTests
{
    [Fact]
    public void Get_EndlessDistinctNames_RightTextAndTheCacheStaysBounded()
    {
        for (int i = 0; i < NameCache.MaxEntries + 5_000; i++)
        {
            string name = $"hostile/source/{i}";
            Assert.Equal(name, NameCache.Get(Encoding.UTF8.GetBytes(name)));
        }

        Assert.InRange(NameCache.Count, 1, NameCache.MaxEntries);
    }

    [Fact]
    public void Get_SameNameTwice_SameStringWhileThereIsRoom()
    {
        byte[] name = Encoding.UTF8.GetBytes("resilience/gnc");
        bool room = NameCache.Count < NameCache.MaxEntries;

        string first = NameCache.Get(name);
        string second = NameCache.Get(name);

        // The cache is process-wide: once another test filled it, a new name is made each time (and equal).
        Assert.Equal("resilience/gnc", second);
        Assert.True(!room || ReferenceEquals(first, second), "a name read twice while the cache had room was not shared");
    }

    [Fact]
    public void Get_LongOrNonAsciiName_RightText()
    {
        string longName = new('n', NameCache.MaxNameChars + 1);
        Assert.Equal(longName, NameCache.Get(Encoding.UTF8.GetBytes(longName)));
        Assert.Equal("é€😀", NameCache.Get(Encoding.UTF8.GetBytes("é€😀")));
    }
}
