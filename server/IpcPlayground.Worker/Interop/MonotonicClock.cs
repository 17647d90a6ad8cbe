namespace IpcPlayground.Worker.Interop;

/// <summary>CLOCK_MONOTONIC in nanoseconds: one clock for every process of the run, so their times compare.</summary>
internal static unsafe class MonotonicClock
{
    public static long Now()
    {
        Libc.Timespec t;
        Libc.ClockGetTime(Libc.CLOCK_MONOTONIC, &t);
        return t.Seconds * 1_000_000_000 + t.Nanoseconds;
    }
}
