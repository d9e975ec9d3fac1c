using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Telemetry.Server.Internal;

namespace Telemetry.Server.Security.Internal;

/// <summary>
/// Turns authorization's challenge and forbid into gRPC statuses with a reason: <c>UNAUTHENTICATED</c> (missing,
/// malformed, unknown or expired credentials) and <c>PERMISSION_DENIED</c>, instead of bare HTTP 401/403.
/// </summary>
internal sealed class GrpcAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly ILogger<GrpcAuthorizationResultHandler> _logger;
    private readonly CallLog _calls;

    public GrpcAuthorizationResultHandler(ILogger<GrpcAuthorizationResultHandler> logger, CallLog calls)
    {
        _logger = logger;
        _calls = calls;
    }

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            var reason = AuthFailure.Get(context);
            _calls.Refused(_logger, context, StatusCode.Unauthenticated, reason);
            return GrpcStatusResponse.WriteAsync(context, StatusCode.Unauthenticated, reason);
        }
        if (authorizeResult.Forbidden)
        {
            const string reason = "the caller may not use this service";
            _calls.Refused(_logger, context, StatusCode.PermissionDenied, reason);
            return GrpcStatusResponse.WriteAsync(context, StatusCode.PermissionDenied, reason);
        }
        return next(context);
    }
}
