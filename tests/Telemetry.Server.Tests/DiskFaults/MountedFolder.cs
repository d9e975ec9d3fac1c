using System.Diagnostics;
using System.Globalization;
using Telemetry.Testing;

namespace Telemetry.Server.Tests.DiskFaults;

/// <summary>
/// A small filesystem of its own for a spool, mounted by the test: a tmpfs (fills up for real: ENOSPC) or an ext4
/// image on a loop device mounted with <c>errors=remount-ro</c> (goes read-only for real: EROFS). Needs root, as CI
/// has; without it the test fails saying so.
/// </summary>
internal sealed class MountedFolder : IAsyncDisposable
{
    private readonly TempDirectory _root;
    private readonly string? _image;

    private MountedFolder(TempDirectory root, string? image)
    {
        _root = root;
        _image = image;
        Path = System.IO.Path.Combine(root.Path, "mnt");
        Directory.CreateDirectory(Path);
    }

    /// <summary>The mount point.</summary>
    public string Path { get; }

    /// <summary>A tmpfs of <paramref name="bytes"/>.</summary>
    public static async Task<MountedFolder> TmpfsAsync(long bytes)
    {
        RequireRoot();
        var folder = new MountedFolder(new TempDirectory("telemetry-tmpfs"), null);
        await RunAsync("mount", "-t", "tmpfs", "-o", string.Create(CultureInfo.InvariantCulture, $"size={bytes}"), "tmpfs", folder.Path);
        return folder;
    }

    /// <summary>An ext4 image of <paramref name="bytes"/> on a loop device, mounted with <c>errors=remount-ro</c>.</summary>
    public static async Task<MountedFolder> Ext4Async(long bytes)
    {
        RequireRoot();
        var root = new TempDirectory("telemetry-ext4");
        var image = System.IO.Path.Combine(root.Path, "disk.img");
        using (var file = File.Create(image))
        {
            file.SetLength(bytes);
        }
        await RunAsync("mkfs.ext4", "-q", image);
        var folder = new MountedFolder(root, image);
        await folder.MountAsync();
        return folder;
    }

    /// <summary>
    /// Makes the ext4 filesystem fail as a dying disk does: the kernel records an error, aborts the journal and
    /// remounts it read-only (<c>errors=remount-ro</c>) while the spool's files stay open. (A plain
    /// <c>mount -o remount,ro</c> is refused with EBUSY while any file is open for writing.)
    /// </summary>
    public async Task FailReadOnlyAsync()
    {
        var device = System.IO.Path.GetFileName((await RunAsync("findmnt", "-no", "SOURCE", Path)).Trim());
        await File.WriteAllTextAsync($"/sys/fs/ext4/{device}/trigger_fs_error", "telemetry disk-fault test");
    }

    /// <summary>What an operator does after such an error: unmount, e2fsck, mount read-write again.</summary>
    public async Task RepairAsync()
    {
        await RunAsync("umount", Path);
        await RunAsync("e2fsck", [0, 1], "-fy", _image!);
        await MountAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync("umount", "-l", Path);
        }
        catch (InvalidOperationException)
        {
            // Not mounted any more.
        }
        _root.Dispose();
    }

    private Task MountAsync() => RunAsync("mount", "-o", "loop,errors=remount-ro", _image!, Path);

    private static void RequireRoot()
    {
        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException(
                $"this disk-fault test mounts a tmpfs or a loop ext4 image and needs root (it runs as {Environment.UserName}); CI runs as root: run ./test.sh as root");
        }
    }

    private static Task<string> RunAsync(string file, params string[] arguments) => RunAsync(file, [0], arguments);

    private static async Task<string> RunAsync(string file, int[] success, params string[] arguments)
    {
        var output = new ProcessOutput();
        using var process = output.Start(new ProcessStartInfo(file, arguments));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (!success.Contains(process.ExitCode))
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {output.Text}");
        }
        return output.Text;
    }
}
