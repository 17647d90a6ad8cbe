namespace IpcPlayground.WorkerProtocol;

/// <summary>
/// The limits every process in a sandbox gets, a run's or a measurement's alike: RLIMIT_CPU, RLIMIT_NOFILE and
/// RLIMIT_MSGQUEUE (0: not set) and the seccomp deny-list, applied once by the first process and inherited.
/// </summary>
public interface IProcessLimits
{
    int CpuSecondsPerProcess { get; }
    int OpenFiles { get; }
    long PosixQueueBytes { get; }
    bool Seccomp { get; }
}
