namespace IpcPlayground.Worker.Interop;

/// <summary>Decodes a waitpid status word the way the W* macros do.</summary>
internal readonly record struct WaitStatus(int Raw)
{
    public bool Exited => (Raw & 0x7f) == 0;
    public int ExitCode => (Raw >> 8) & 0xff;
    public bool Signaled => ((sbyte)((Raw & 0x7f) + 1) >> 1) > 0;
    public int TermSignal => Raw & 0x7f;
}
