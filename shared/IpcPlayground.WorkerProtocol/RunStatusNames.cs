namespace IpcPlayground.WorkerProtocol;

/// <summary>How the supervisor says a run ended; the server maps these to the contract's statuses.</summary>
public static class RunEndings
{
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Timeout = "timeout";
    public const string Killed = "killed";
}
