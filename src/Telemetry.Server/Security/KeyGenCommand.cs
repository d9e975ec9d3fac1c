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
        const string Usage = "usage: Telemetry.Server keygen [client-name]   (name: starts with a letter or digit; letters, digits, '-', '_', '.'; default 'client')";
        if (args is ["--help" or "-h"])
        {
            output.WriteLine(Usage);
            output.WriteLine("Prints a new API key (shown once, stored nowhere) and the settings that admit it, with its salted hash only.");
            return ExitCodes.Ok;
        }
        var name = args.Count > 0 ? args[0] : "client";
        if (args.Count > 1 || name.Length == 0 || !char.IsAsciiLetterOrDigit(name[0])
            || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            output.WriteLine(Usage);
            return ExitCodes.InvalidConfiguration;
        }
        var (key, hash) = ApiKeyHash.Generate();
        output.WriteLine($"key:  {key}");
        output.WriteLine($"hash: {hash}");
        output.WriteLine();
        output.WriteLine("The client sends the key as gRPC metadata 'authorization: Bearer <key>'. Configure the hash (never the key):");
        output.WriteLine($"  \"Security\": {{ \"AllowAnonymous\": false, \"ApiKeys\": {{ \"{name}\": {{ \"Hash\": \"{hash}\", \"Sources\": [\"*\"], \"Measurements\": [\"*\"] }} }} }}");
        output.WriteLine("  (narrow Sources and Measurements to what the client writes; AllowAnonymous false refuses callers without a key)");
        // A name with '-' or '.' cannot be exported by a POSIX shell, but env(1) passes any name.
        output.WriteLine($"  or the environment: env 'Security__AllowAnonymous=false' 'Security__ApiKeys__{name}__Hash={hash}' Telemetry.Server ...");
        return ExitCodes.Ok;
    }
}
