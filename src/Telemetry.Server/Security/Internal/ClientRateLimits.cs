using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Grpc.Core;
using Microsoft.AspNetCore.RateLimiting;
using Telemetry.Server.Internal;

namespace Telemetry.Server.Security.Internal;

/// <summary>
/// Per-client limits on ingest calls through ASP.NET Core's rate limiter: a token bucket for the call rate and a
/// concurrency limit for open calls, partitioned by client (key or certificate name; an anonymous caller by address).
/// A refused call ends with <c>RESOURCE_EXHAUSTED</c>, a reason and a retry delay (<c>grpc-retry-pushback-ms</c>).
/// </summary>
internal static class ClientRateLimits
{
    /// <summary>Retry delay suggested when the concurrency limit refused a call.</summary>
    private static readonly TimeSpan ConcurrencyRetry = TimeSpan.FromSeconds(1);

    public static void Configure(RateLimiterOptions options, LimitsOptions limits)
    {
        var rate = PartitionedRateLimiter.Create<HttpContext, string>(context => IsIngest(context)
            ? RateLimitPartition.GetTokenBucketLimiter(ClientOf(context), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.CallBurstPerClient,
                TokensPerPeriod = limits.CallsPerSecondPerClient,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter(string.Empty));
        var concurrency = PartitionedRateLimiter.Create<HttpContext, string>(context => IsIngest(context)
            ? RateLimitPartition.GetConcurrencyLimiter(ClientOf(context), _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = limits.ConcurrentCallsPerClient,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(string.Empty));
        options.GlobalLimiter = PartitionedRateLimiter.CreateChained(rate, concurrency);
        options.OnRejected = (context, _) =>
        {
            var http = context.HttpContext;
            var client = ClientOf(http);
            var (reason, retry) = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
                ? (string.Create(CultureInfo.InvariantCulture,
                    $"client '{client}' started more than {limits.CallsPerSecondPerClient} calls/s (burst {limits.CallBurstPerClient}; Limits:CallsPerSecondPerClient); retry after {Math.Ceiling(after.TotalMilliseconds)} ms"), after)
                : (string.Create(CultureInfo.InvariantCulture,
                    $"client '{client}' already has {limits.ConcurrentCallsPerClient} calls open (Limits:ConcurrentCallsPerClient); retry when one ends"), ConcurrencyRetry);
            var services = http.RequestServices;
            services.GetRequiredService<CallLog>().Refused(
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClientRateLimits)), http, StatusCode.ResourceExhausted, reason);
            return new ValueTask(GrpcStatusResponse.WriteAsync(http, StatusCode.ResourceExhausted, reason, retry));
        };
    }

    private static bool IsIngest(HttpContext context) => IngestEndpoint.MethodOf(context) is not null;

    /// <summary>The partition of a caller: its client name, or "anonymous@address".</summary>
    private static string ClientOf(HttpContext context)
    {
        var name = context.User.FindFirstValue(ClaimTypes.Name);
        return name is null || name == ClientRegistry.AnonymousType
            ? $"anonymous@{context.Connection.RemoteIpAddress}"
            : name;
    }
}
