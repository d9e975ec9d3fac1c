using Grpc.Health.V1;
using Telemetry.Testing;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace Telemetry.Server.Tests;

/// <summary>Polls the gRPC health service until it reports a status.</summary>
internal static class HealthWaiter
{
    public static Task WaitForAsync(Health.HealthClient health, ServingStatus expected)
    {
        var last = ServingStatus.Unknown;
        return Eventually.HoldsAsync(
            async () => (last = (await health.CheckAsync(new HealthCheckRequest())).Status) == expected,
            () => $"health is {last}, expected {expected}");
    }
}
