using Grpc.Health.V1;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace Telemetry.Server.Tests;

/// <summary>Polls the gRPC health service until it reports a status.</summary>
internal static class HealthWaiter
{
    public static async Task WaitForAsync(Health.HealthClient health, ServingStatus expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        ServingStatus status;
        while ((status = (await health.CheckAsync(new HealthCheckRequest())).Status) != expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"health stayed {status}, expected {expected}");
            await Task.Delay(20);
        }
    }
}
