namespace Telemetry.Server.Security;

/// <summary>
/// <c>Telemetry.Server keygen [client-name]</c>: prints a new API key (give it to the client; it is shown once and
/// stored nowhere) and the configuration that admits it, with its salted hash only.
/// </summary>
public static class KeyGenCommand
{
    /// <summary>The command-line verb.</summary>
    public const string Verb = "keygen";

    /// <summary>Writes a new key and its configuration to <paramref name="output"/>; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var name = args.Count > 0 ? args[0] : "client";
        if (args.Count > 1 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            output.WriteLine("usage: Telemetry.Server keygen [client-name]   (name: letters, digits, '-', '_', '.')");
            return 2;
        }
        var (key, hash) = ApiKeyHash.Generate();
        output.WriteLine($"key:  {key}");
        output.WriteLine($"hash: {hash}");
        output.WriteLine();
        output.WriteLine("The client sends the key as gRPC metadata 'authorization: Bearer <key>'. Configure the hash (never the key):");
        output.WriteLine($"  \"Security\": {{ \"ApiKeys\": {{ \"{name}\": {{ \"Hash\": \"{hash}\", \"Sources\": [\"*\"], \"Measurements\": [\"*\"] }} }} }}");
        output.WriteLine($"  or the environment: Security__ApiKeys__{name}__Hash='{hash}'");
        return 0;
    }
}
