using System.Globalization;
using System.Text;

namespace Telemetry.Ingest.Spool.Internal;

/// <summary>
/// One server per spool folder: the folder's <c>lock</c> file held open without sharing for the spool's life. On
/// Linux that is an advisory <c>flock</c>, which the kernel drops when the process ends however it ends, so a crash
/// leaves nothing to clean up. Two servers appending to one folder would interleave segments and overwrite each
/// other's checkpoint, and acknowledged batches would be lost. The holder writes who it is to <c>lock.owner</c> for
/// the next one's message. (<c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c> would turn the lock off.)
/// </summary>
internal sealed class SpoolLock : IDisposable
{
    /// <summary>The locked file's name in the spool folder.</summary>
    public const string FileName = "lock";

    /// <summary>The name of the file that says which process holds the lock.</summary>
    public const string OwnerFileName = "lock.owner";

    private readonly FileStream _file;

    private SpoolLock(FileStream file) => _file = file;

    /// <summary>Takes the lock of <paramref name="directory"/> (which exists).</summary>
    /// <exception cref="IOException">Another process, or another spool in this one, holds it; the message names the folder and the holder.</exception>
    public static SpoolLock Acquire(string directory)
    {
        var path = Path.Combine(directory, FileName);
        var owner = Path.Combine(directory, OwnerFileName);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException error) when (error.GetType() == typeof(IOException))
        {
            // A held lock is reported as a plain IOException (a sharing violation); its subclasses (a missing
            // folder, a path too long) keep their own message.
            throw new IOException(
                $"the spool folder {directory} is in use by another server ({Holder(owner)}): two servers must not share one Spool:Directory",
                error);
        }

        try
        {
            File.WriteAllText(owner, string.Create(CultureInfo.InvariantCulture,
                $"process {Environment.ProcessId} on {Environment.MachineName}, since {DateTimeOffset.UtcNow:O}\n"), Encoding.UTF8);
        }
        catch (IOException)
        {
            // Only the next server's message would miss the name; the lock itself is held.
        }

        return new SpoolLock(file);
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _file.Dispose();

    private static string Holder(string owner)
    {
        try
        {
            return File.ReadAllText(owner).Trim();
        }
        catch (IOException)
        {
            return "holder unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "holder unknown";
        }
    }
}
