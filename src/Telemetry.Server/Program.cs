using Telemetry.Server;

var app = TelemetryServer.Build(args);
await app.RunAsync();
