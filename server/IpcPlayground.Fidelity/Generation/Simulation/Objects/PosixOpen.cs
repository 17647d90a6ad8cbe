using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Fidelity.Generation.Simulation.Objects;

/// <summary>What O_CREAT and O_EXCL do to an open of a POSIX name, as far as the simulator follows them.</summary>
internal static class PosixOpen
{
    /// <summary>
    /// True when the open changes nothing (O_EXCL on a name that exists: EEXIST) or when the simulator cannot follow it
    /// (O_CREAT on a removed name makes a second object, which descriptors of the first do not see).
    /// </summary>
    public static bool Refused(bool linked, Step step, SimOutcome outcome)
    {
        var flags = OpenFlags.Of(step, sysv: false);
        if (linked) return flags.Exclusive; // EEXIST
        if (flags.Create) outcome.Refuse("an open that makes a removed POSIX object again");
        return flags.Create;
    }
}
