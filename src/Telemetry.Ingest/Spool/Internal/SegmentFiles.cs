using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

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
    /// <exception cref="IOException">The folder could not be opened or fsynced; <see cref="Exception.HResult"/> is the errno.</exception>
    public static void SyncDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }
        var fd = Open(directory, 0); // O_RDONLY
        if (fd < 0)
        {
            throw DiskError.FromErrno(Marshal.GetLastPInvokeError(), directory);
        }
        try
        {
            if (Fsync(fd) != 0)
            {
                throw DiskError.FromErrno(Marshal.GetLastPInvokeError(), directory);
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>
    /// Writes <paramref name="file"/>'s buffer to the OS and fsyncs it, throwing when the fsync fails. Not
    /// <c>FileStream.Flush(true)</c>: on Linux the runtime's native shim (SystemNative_FSync in .NET 10.0.12) returns 1
    /// instead of -1 when fsync fails, so the runtime never sees the error, and it ignores EROFS and EINVAL on purpose.
    /// </summary>
    /// <exception cref="IOException">The fsync failed; <see cref="Exception.HResult"/> is the errno.</exception>
    public static void Fsync(FileStream file)
    {
        file.Flush(flushToDisk: false);
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            file.Flush(flushToDisk: true);
            return;
        }
        if (FsyncHandle(file.SafeFileHandle) != 0)
        {
            throw DiskError.FromErrno(Marshal.GetLastPInvokeError(), file.Name);
        }
    }

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FsyncHandle(SafeFileHandle fd);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
