using Telemetry.Server;
using Telemetry.Server.Internal;
using Telemetry.Server.Security;

if (args is [KeyGenCommand.Verb, .. var rest])
{
    return KeyGenCommand.Run(rest, Console.Out);
}
if (args is [CertsCommand.Verb, .. var certsArgs])
{
    return CertsCommand.Run(certsArgs, Console.Out, Console.Error);
}
if (args is [HealthCommand.Verb, .. var healthArgs])
{
    return await HealthCommand.RunAsync(healthArgs, Console.Out, Console.Error);
}
if (args is ["--help" or "-h" or "help"])
{
    Console.Out.Write(ServerHelp.Text);
    return ExitCodes.Ok;
}
if (args is ["--version"])
{
    Console.Out.WriteLine(ServerHelp.Version);
    return ExitCodes.Ok;
}
// Settings are "--Key=value", "--Key value" or "Key=value"; a first word that is none of these is a mistyped command.
if (args is [var unknown, ..] && !unknown.StartsWith('-') && !unknown.Contains('=', StringComparison.Ordinal))
{
    Console.Error.WriteLine($"Telemetry.Server: unknown command '{unknown}'; see Telemetry.Server --help");
    return ExitCodes.InvalidConfiguration;
}

// A failed start is one line (the setting, the value, what to do) and a documented exit code; --verbose adds the trace.
var verbose = args.Contains("--verbose");
args = [.. args.Where(a => a != "--verbose")];
var started = false;
try
{
    var app = TelemetryServer.Build(args, builder =>
        builder.Logging.AddFilter((category, _) => verbose || Volatile.Read(ref started) || category != "Microsoft.Extensions.Hosting.Internal.Host"));
    app.Lifetime.ApplicationStarted.Register(() => Volatile.Write(ref started, true));
    await app.RunAsync();
    return Environment.ExitCode;
}
catch (Exception error) when (!Volatile.Read(ref started))
{
    var (code, reason) = StartFailure.Describe(error);
    Console.Error.WriteLine($"Telemetry.Server: cannot start: {reason}");
    if (verbose)
    {
        Console.Error.WriteLine(error);
    }
    return code;
}
