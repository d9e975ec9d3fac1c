using System.Security.Authentication;
using Grpc.Core;

namespace Telemetry.Client;

/// <summary>
/// Whether a failed ingest call is worth sending again: a property of the status, decided here once for every
/// tool. Transient: the server went away or restarts (UNAVAILABLE), its spool is full or a call limit held the
/// call back (RESOURCE_EXHAUSTED naming the spool, or carrying <c>grpc-retry-pushback-ms</c>), an unexpected server
/// error (INTERNAL or UNKNOWN without a permanent cause). Permanent: a message over the server's or the client's size
/// limit, a message that cannot be decompressed or framed, a TLS certificate the client does not trust, credentials
/// and scope (UNAUTHENTICATED, PERMISSION_DENIED), an invalid message (INVALID_ARGUMENT), and every other status:
/// sending the same bytes again fails the same way, so a client gives up with the reason instead.
/// </summary>
public static class IngestStatus
{
    /// <summary>True when a new call with the same batches may succeed.</summary>
    public static bool IsTransient(RpcException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var detail = error.Status.Detail ?? string.Empty;
        if (IsCertificateFailure(error))
        {
            // Reported as UNAVAILABLE or INTERNAL depending on where the handshake failed: permanent either way.
            return false;
        }
        return error.StatusCode switch
        {
            StatusCode.Unavailable => true,
            StatusCode.ResourceExhausted => HasPushback(error) || !IsOversized(detail),
            StatusCode.Internal or StatusCode.Unknown => !IsUnreadable(detail),
            _ => false,
        };
    }

    /// <summary>One line for a person: the status and the server's reason, with what to do for a permanent one.</summary>
    public static string Describe(RpcException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var line = $"{error.StatusCode}: {error.Status.Detail}";
        if (IsCertificateFailure(error))
        {
            return line + " (the server's certificate is not trusted: pass its CA with --tls-ca, or check the host name)";
        }
        return error.StatusCode switch
        {
            StatusCode.Unauthenticated => line + " (pass an API key with --api-key or $TELEMETRY_API_KEY)",
            StatusCode.PermissionDenied => line + " (the key's scope does not cover these sources or measurements)",
            _ => line,
        };
    }

    private static bool HasPushback(RpcException error) => error.Trailers.Get("grpc-retry-pushback-ms") is not null;

    // The server's own (Ingest:MaxMessageBytes) and the client library's ("exceeds the maximum configured message size").
    private static bool IsOversized(string detail) =>
        detail.Contains("MaxMessageBytes", StringComparison.Ordinal) || detail.Contains("exceeds the maximum", StringComparison.OrdinalIgnoreCase);

    private static bool IsUnreadable(string detail) =>
        detail.Contains("could not be decompressed", StringComparison.Ordinal) || detail.Contains("compressed flag", StringComparison.Ordinal);

    private static bool IsCertificateFailure(RpcException error)
    {
        for (var e = error.Status.DebugException; e is not null; e = e.InnerException)
        {
            if (e is AuthenticationException)
            {
                return true;
            }
        }
        return (error.Status.Detail ?? string.Empty).Contains("SSL connection could not be established", StringComparison.Ordinal);
    }
}
