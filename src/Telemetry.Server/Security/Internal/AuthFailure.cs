namespace Telemetry.Server.Security.Internal;

/// <summary>Carries why authentication failed from a handler to the response that tells the client.</summary>
internal static class AuthFailure
{
    private static readonly object Key = new();

    public const string NoCredentials =
        "no credentials: send 'authorization: Bearer <API key>' metadata or a registered client certificate";

    public static void Set(HttpContext context, string reason) => context.Items.TryAdd(Key, reason);

    public static string Get(HttpContext context) => context.Items.TryGetValue(Key, out var r) && r is string s ? s : NoCredentials;
}
