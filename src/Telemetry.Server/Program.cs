using Telemetry.Server;
using Telemetry.Server.Security;

if (args is [KeyGenCommand.Verb, .. var rest])
{
    return KeyGenCommand.Run(rest, Console.Out);
}
var app = TelemetryServer.Build(args);
await app.RunAsync();
return Environment.ExitCode;
