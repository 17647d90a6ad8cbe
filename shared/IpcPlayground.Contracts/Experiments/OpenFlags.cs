namespace IpcPlayground.Contracts.Experiments;

/// <summary>
/// What an <c>open</c> of a System V or POSIX object asks of the kernel: IPC_CREAT / O_CREAT and IPC_EXCL / O_EXCL.
/// A System V open has always created a missing object (format 1.0 called msgget with IPC_CREAT), so <c>create</c>
/// defaults to true there; a POSIX open never did (mq_open without O_CREAT: a removed name is ENOENT), and an
/// experiment that leaves both fields out means what it meant, so there <c>create</c> defaults to what
/// <c>exclusive</c> says (O_EXCL is only meaningful with O_CREAT).
/// </summary>
public readonly record struct OpenFlags(bool Create, bool Exclusive)
{
    public static OpenFlags Of(Step step, Mechanism mechanism) => Of(step, mechanism.IsSysv);

    public static OpenFlags Of(Step step, bool sysv) => new(step.Create ?? (sysv || step.Exclusive == true), step.Exclusive ?? false);
}
