using System.Reflection;

namespace Telemetry.Server;

/// <summary>What <c>Telemetry.Server --help</c> and <c>--version</c> print.</summary>
internal static class ServerHelp
{
    /// <summary>The informational version of this build.</summary>
    public static string Version =>
        typeof(ServerHelp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public const string Text = """
        Telemetry.Server: the telemetry ingest server (gRPC in, InfluxDB out, a durable spool between).

        usage:
          Telemetry.Server [--Section:Setting=value ...] [--verbose]   run the server
          Telemetry.Server keygen [client-name]                          make an API key and the setting that admits it
          Telemetry.Server health [--url URL] [--ops-url URL]            ask a running server: gRPC health and /readyz
          Telemetry.Server certs --out DIR [--host NAME] [--client NAME] a private CA, server and client certificates (tests)
          Telemetry.Server --help | --version

        Settings come from appsettings.json beside the binary, then the environment (Section__Setting=value),
        then the command line (--Section:Setting=value). The ones most often set:
          --Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:50051   gRPC listener (https:// needs a certificate)
          --Kestrel:Endpoints:Ops:Url=http://127.0.0.1:9091     status page, /metrics, /healthz, /readyz
          --Influx:Url=http://127.0.0.1:8086 --Influx:Database=telemetry
          --Spool:Directory=spool                                write-ahead spool (acks after its fsync)
          --Security:AllowAnonymous=false                        require an API key or a client certificate
        Every setting, its default and its trade-off: README.md, "Configuration".

        --verbose   on a failed start, print the exception's trace after the one-line reason

        exit codes: 0 stopped cleanly; 1 failed (reason printed); 2 invalid configuration or command line;
          3 shutdown ran out of time before InfluxDB took every batch (Ingest:AckAfter=Database; clients resend);
          4 a listener could not bind; 5 the spool folder cannot be used.

        """;
}
