using System.Runtime.InteropServices;

namespace Telemetry.Ingest.Spool.Internal;

/// <summary>
/// Names what went wrong on disk: an errno (ENOSPC, EIO, EROFS, ...) when the exception carries one. On Unix the
/// runtime's <see cref="IOException"/> keeps the raw errno in <see cref="Exception.HResult"/>, and an
/// <see cref="UnauthorizedAccessException"/> keeps it in its inner exception.
/// </summary>
internal static class DiskError
{
    /// <summary>An <see cref="IOException"/> for <paramref name="errno"/> on <paramref name="path"/>, shaped as the runtime's own.</summary>
    public static IOException FromErrno(int errno, string path) =>
        new($"{Marshal.GetPInvokeErrorMessage(errno)} : '{path}'", errno);

    /// <summary>"ENOSPC (No space left on device : '/spool/…seg')", or the exception's type and message.</summary>
    public static string Describe(Exception error)
    {
        var io = error as IOException ?? error.InnerException as IOException;
        return io is not null && NameOf(io.HResult) is { } name
            ? $"{name} ({error.Message})"
            : $"{error.GetType().Name}: {error.Message}";
    }

    private static string? NameOf(int errno) => errno switch
    {
        1 => "EPERM",
        2 => "ENOENT",
        5 => "EIO",
        12 => "ENOMEM",
        13 => "EACCES",
        17 => "EEXIST",
        23 => "ENFILE",
        24 => "EMFILE",
        27 => "EFBIG",
        28 => "ENOSPC",
        30 => "EROFS",
        122 => "EDQUOT",
        _ => null,
    };
}
