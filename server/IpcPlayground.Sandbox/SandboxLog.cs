using Microsoft.Extensions.Logging;

namespace IpcPlayground.Sandbox;

/// <summary>What the sandbox has to say: cgroups it could not make or remove, runs started without limits.</summary>
internal static partial class SandboxLog
{
    [LoggerMessage(401, LogLevel.Warning, "Run {RunId} starts without cgroup limits: {Problem}")]
    public static partial void NoCgroup(ILogger logger, string runId, string problem);

    [LoggerMessage(402, LogLevel.Warning, "The cgroup {Directory} could not be removed ({Reason}); the next server start removes it once empty")]
    public static partial void CgroupLeftBehind(ILogger logger, string directory, string reason);

    [LoggerMessage(403, LogLevel.Debug, "Reading the processes of cgroup {File} failed")]
    public static partial void CgroupUnreadable(ILogger logger, string file, Exception exception);

    [LoggerMessage(404, LogLevel.Information, "Removed {Count} cgroups of runs whose server is gone")]
    public static partial void LeftoversRemoved(ILogger logger, int count);
}
