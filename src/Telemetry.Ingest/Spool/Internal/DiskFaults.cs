namespace Telemetry.Ingest.Spool.Internal;

/// <summary>A disk call of the spool that a test can make fail (<see cref="DiskFaults"/>).</summary>
internal enum DiskOperation
{
    /// <summary>Creating a segment or dead-letter file.</summary>
    Open,

    /// <summary>Writing appended bytes to a file.</summary>
    Write,

    /// <summary>fsync of a file.</summary>
    Fsync,

    /// <summary>fsync of the folder (a new or deleted file's name).</summary>
    SyncFolder,
}

/// <summary>
/// Fails chosen disk calls of one spool with an errno, on demand: the seam for faults that a real filesystem here
/// cannot produce when asked (EIO on fsync, and ENOSPC or EIO switched on and off mid-run). The calls are checked
/// just before the real ones, so a fault behaves as the kernel's error would. Off (all zero) unless a test sets it.
/// </summary>
internal sealed class DiskFaults
{
    private readonly int[] _errno = new int[4];

    /// <summary>Makes every <paramref name="operation"/> fail with <paramref name="errno"/> (0: succeed again).</summary>
    public void Set(DiskOperation operation, int errno) => Volatile.Write(ref _errno[(int)operation], errno);

    /// <summary>Every operation succeeds again.</summary>
    public void Clear()
    {
        for (var i = 0; i < _errno.Length; i++)
        {
            Volatile.Write(ref _errno[i], 0);
        }
    }

    /// <summary>Throws the runtime's <see cref="IOException"/> for the errno set for <paramref name="operation"/>, if any.</summary>
    public void ThrowIfSet(DiskOperation operation, string path)
    {
        var errno = Volatile.Read(ref _errno[(int)operation]);
        if (errno != 0)
        {
            throw DiskError.FromErrno(errno, path);
        }
    }
}
