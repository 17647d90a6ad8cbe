namespace IpcPlayground.Testing;

/// <summary>A directory under /tmp that is removed, with everything in it, on dispose.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("ipcplay-test-");

    public string Path => _directory.FullName;

    public void Dispose()
    {
        try { _directory.Delete(recursive: true); }
        catch (DirectoryNotFoundException) { }
    }
}
