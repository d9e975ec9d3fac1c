using Telemetry.Server.Security;

namespace Telemetry.Server.Tests.Security;

public sealed class ApiKeyHashTests
{
    [Fact]
    public void Generate_KeyAndHash_VerifyEachOtherAndHashHoldsNoSecret()
    {
        var (key, hash) = ApiKeyHash.Generate();

        Assert.True(ApiKeyHash.TryParseKey(key, out var id, out var secret));
        Assert.True(ApiKeyHash.TryParseHash(hash, out var hashId, out var salt, out var digest));
        Assert.Equal(id, hashId);
        Assert.True(ApiKeyHash.Verify(secret, salt, digest));
        Assert.False(ApiKeyHash.Verify(secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A'), salt, digest));
        Assert.DoesNotContain(secret, hash, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_TwoKeys_DifferentIdsSaltsAndSecrets()
    {
        var (a, ha) = ApiKeyHash.Generate();
        var (b, hb) = ApiKeyHash.Generate();

        Assert.NotEqual(a, b);
        Assert.NotEqual(ha.Split('$')[1], hb.Split('$')[1]);
        Assert.NotEqual(ha.Split('$')[2], hb.Split('$')[2]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tlm_")]
    [InlineData("tlm_0123456789ab")]
    [InlineData("tlm_0123456789abXAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("xyz_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void TryParseKey_NotAKey_False(string text)
    {
        Assert.False(ApiKeyHash.TryParseKey(text, out _, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("tlm1$0123456789ab$salt")]
    [InlineData("tlm1$0123456789ab$!!!!$AAAA")]
    [InlineData("tlm2$0123456789ab$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void TryParseHash_Malformed_False(string text)
    {
        Assert.False(ApiKeyHash.TryParseHash(text, out _, out _, out _));
    }

    [Fact]
    public void Run_Keygen_PrintsKeyHashAndConfigurationWithoutTheKey()
    {
        using var output = new StringWriter();

        var exit = KeyGenCommand.Run(["gateway-a"], output);

        var lines = output.ToString().Split('\n');
        var key = lines[0]["key:  ".Length..].Trim();
        var hash = lines[1]["hash: ".Length..].Trim();
        Assert.Equal(0, exit);
        Assert.True(ApiKeyHash.TryParseKey(key, out _, out var secret));
        Assert.True(ApiKeyHash.TryParseHash(hash, out _, out var salt, out var digest));
        Assert.True(ApiKeyHash.Verify(secret, salt, digest));
        var configuration = string.Join('\n', lines[2..]);
        Assert.Contains($"\"gateway-a\": {{ \"Hash\": \"{hash}\"", configuration, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, configuration, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_KeygenBadName_UsageAndExit2()
    {
        using var output = new StringWriter();

        Assert.Equal(2, KeyGenCommand.Run(["bad name"], output));
        Assert.StartsWith("usage:", output.ToString(), StringComparison.Ordinal);
    }
}
