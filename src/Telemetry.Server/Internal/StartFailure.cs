using Microsoft.Extensions.Options;

namespace Telemetry.Server.Internal;

/// <summary>Turns the exception that stopped a start into one line for the operator and a documented exit code.</summary>
internal static class StartFailure
{
    /// <summary>The exit code and the reason (the setting or resource, the value, what to do).</summary>
    public static (int Code, string Reason) Describe(Exception error)
    {
        var chain = Chain(error).ToList();
        if (chain.OfType<OptionsValidationException>().FirstOrDefault() is { } invalid)
        {
            return (ExitCodes.InvalidConfiguration,
                $"invalid configuration: {string.Join("; ", invalid.Failures.Select(f => f.TrimEnd('.')))}. Fix the setting in appsettings.json, the environment or the command line.");
        }
        if (chain.FirstOrDefault(e => e is InvalidOperationException && e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal)) is { } unparsable)
        {
            return (ExitCodes.InvalidConfiguration, $"invalid configuration: {unparsable.Message.TrimEnd('.')}.");
        }
        if (chain.FirstOrDefault(e => e.GetType().Name == "AddressInUseException") is not null
            || chain.FirstOrDefault(e => e is IOException && e.Message.StartsWith("Failed to bind to address", StringComparison.Ordinal)) is not null)
        {
            var bind = chain.First(e => e is IOException or System.Net.Sockets.SocketException);
            return (ExitCodes.CannotListen,
                $"{bind.Message.TrimEnd('.')}. Another process listens there: stop it, or choose another address with Kestrel:Endpoints:Grpc:Url or Kestrel:Endpoints:Ops:Url.");
        }
        if (chain.FirstOrDefault(e => e is IOException or UnauthorizedAccessException && e.Message.Contains("spool", StringComparison.OrdinalIgnoreCase)) is { } spool)
        {
            return (ExitCodes.SpoolUnusable, $"{spool.Message.TrimEnd('.')}. Choose another folder with Spool:Directory, or stop the server that holds it.");
        }
        var first = chain[^1];
        return (ExitCodes.Failed, $"{first.GetType().Name}: {first.Message}");
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is AggregateException { InnerExceptions.Count: > 0 } aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
                yield break;
            }
            yield return e;
        }
    }
}
