using System.Globalization;
using System.Runtime.InteropServices;

namespace Telemetry.Ingest.Spool.Internal;

/// <summary>Names, lists and syncs the spool's files: segments are <c>{id:D20}.seg</c>, oldest first.</summary>
internal static partial class SegmentFiles
{
    private const string Extension = ".seg";

    public static string PathOf(string directory, long id) =>
        Path.Combine(directory, id.ToString("D20", CultureInfo.InvariantCulture) + Extension);

    /// <summary>The segment ids present in <paramref name="directory"/>, in order.</summary>
    public static List<long> List(string directory)
    {
        var ids = new List<long>();
        foreach (var path in Directory.EnumerateFiles(directory, "*" + Extension))
        {
            if (long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                ids.Add(id);
            }
        }
        ids.Sort();
        return ids;
    }

    /// <summary>
    /// Makes the creation or deletion of files in <paramref name="directory"/> durable (fsync of the folder), so a
    /// new segment's name survives a power loss as its fsynced contents do. A no-op where the OS has no such call.
    /// </summary>
    public static void SyncDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }
        var fd = Open(directory, 0); // O_RDONLY
        if (fd < 0)
        {
            return;
        }
        try
        {
            _ = Fsync(fd);
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync")]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
