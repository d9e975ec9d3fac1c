using System.Globalization;
using System.Text;
using Grpc.Core;

namespace Telemetry.Server.Security.Internal;

/// <summary>
/// Answers a gRPC call before it reaches its service with a trailers-only response: the status and its message in
/// the headers, as gRPC clients expect when a call is refused outright (authentication, rate limits).
/// </summary>
internal static class GrpcStatusResponse
{
    public static Task WriteAsync(HttpContext context, StatusCode code, string message, TimeSpan? retryAfter = null)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return Task.CompletedTask;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = PercentEncode(message);
        if (retryAfter is { } delay)
        {
            // gRPC's retry pushback (milliseconds) for retrying clients, and the HTTP header for everyone else.
            response.Headers["grpc-retry-pushback-ms"] = ((long)Math.Ceiling(delay.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
            response.Headers.RetryAfter = ((long)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        return Task.CompletedTask;
    }

    // The gRPC spec's percent-encoding of grpc-message: printable ASCII except '%' passes, every other byte is %XX.
    private static string PercentEncode(string message)
    {
        var builder = new StringBuilder(message.Length);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E and not (byte)'%')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }
}
