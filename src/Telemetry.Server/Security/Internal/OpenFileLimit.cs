using System.Globalization;

namespace Telemetry.Server.Security.Internal;

/// <summary>The process's open-file limit (RLIMIT_NOFILE, soft), read from <c>/proc/self/limits</c>.</summary>
internal static class OpenFileLimit
{
    /// <summary>Assumed where the limit cannot be read (not Linux).</summary>
    private const long Fallback = 1024;

    public static long Current()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/limits"))
            {
                if (line.StartsWith("Max open files", StringComparison.Ordinal))
                {
                    var soft = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                    return long.TryParse(soft, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : Fallback;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return Fallback;
    }

    /// <summary>The connection limit when none is configured: descriptors less the reserve, between 16 and 4,096.</summary>
    public static int DeriveMaxConnections(long openFiles, int reserved) =>
        (int)Math.Clamp(openFiles - reserved, 16, 4096);
}
