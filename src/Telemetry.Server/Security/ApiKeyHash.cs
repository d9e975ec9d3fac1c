using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Telemetry.Server.Security;

/// <summary>
/// API keys and their salted hashes. A key is <c>tlm_{id}_{secret}</c>: a 12-hex-digit id that finds its
/// configuration entry and a 256-bit random secret (base64url). Configuration holds only
/// <c>tlm1${id}${salt}${SHA-256(salt || secret)}</c>; a high-entropy secret needs no slow password hash.
/// </summary>
public static class ApiKeyHash
{
    private const string KeyPrefix = "tlm_";
    private const string HashPrefix = "tlm1";
    private const int IdBytes = 6;
    private const int SecretBytes = 32;
    private const int SaltBytes = 16;

    /// <summary>Creates a new random key and the hash to put in <c>Security:ApiKeys:{name}:Hash</c>.</summary>
    public static (string Key, string Hash) Generate()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdBytes));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return ($"{KeyPrefix}{id}_{secret}", $"{HashPrefix}${id}${Base64Url.EncodeToString(salt)}${Base64Url.EncodeToString(Digest(salt, secret))}");
    }

    /// <summary>Splits a presented key into its id and secret; false when it does not have the key's shape.</summary>
    public static bool TryParseKey(string key, [NotNullWhen(true)] out string? id, [NotNullWhen(true)] out string? secret)
    {
        id = secret = null;
        if (!key.StartsWith(KeyPrefix, StringComparison.Ordinal) || key.Length != KeyPrefix.Length + (IdBytes * 2) + 1 + 43
            || key[KeyPrefix.Length + (IdBytes * 2)] != '_')
        {
            return false;
        }
        id = key.Substring(KeyPrefix.Length, IdBytes * 2);
        secret = key[(KeyPrefix.Length + (IdBytes * 2) + 1)..];
        return true;
    }

    /// <summary>Parses a configured hash into its id, salt and digest; false when it is malformed.</summary>
    public static bool TryParseHash(string hash, [NotNullWhen(true)] out string? id, [NotNullWhen(true)] out byte[]? salt,
        [NotNullWhen(true)] out byte[]? digest)
    {
        id = null;
        salt = digest = null;
        var parts = hash.Split('$');
        if (parts.Length != 4 || parts[0] != HashPrefix || parts[1].Length != IdBytes * 2)
        {
            return false;
        }
        try
        {
            salt = Base64Url.DecodeFromChars(parts[2]);
            digest = Base64Url.DecodeFromChars(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }
        id = parts[1];
        return salt.Length == SaltBytes && digest.Length == SHA256.HashSizeInBytes;
    }

    /// <summary>True when <paramref name="secret"/> hashes to <paramref name="digest"/> with <paramref name="salt"/> (constant time).</summary>
    public static bool Verify(string secret, byte[] salt, byte[] digest) =>
        CryptographicOperations.FixedTimeEquals(Digest(salt, secret), digest);

    private static byte[] Digest(byte[] salt, string secret)
    {
        var input = new byte[salt.Length + Encoding.UTF8.GetByteCount(secret)];
        salt.CopyTo(input, 0);
        Encoding.UTF8.GetBytes(secret, input.AsSpan(salt.Length));
        return SHA256.HashData(input);
    }
}
