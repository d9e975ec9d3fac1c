namespace Telemetry.Testing;

/// <summary>A uniquely named directory under the system temp folder, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates the directory; <paramref name="prefix"/> starts its name.</summary>
    public TempDirectory(string prefix = "telemetry-test")
    {
        Path = Directory.CreateTempSubdirectory(prefix + "-").FullName;
    }

    /// <summary>Absolute path of the directory.</summary>
    public string Path { get; }

    /// <summary>Deletes the directory and everything in it; failures are ignored (a process may still hold a file).</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
