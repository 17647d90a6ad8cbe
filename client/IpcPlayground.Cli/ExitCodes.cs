namespace IpcPlayground.Cli;

/// <summary>What <c>ipcplay</c> returns, so scripts can tell a failed run from a bad file or a missing server.</summary>
public static class ExitCodes
{
    public const int Completed = 0;
    public const int RunDidNotComplete = 1;
    public const int InvalidExperiment = 2;
    public const int Unavailable = 3;
}
