using System.Runtime.InteropServices;
using IpcPlayground.Contracts.Measurements;
using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Measuring;

/// <summary>
/// One timed loop of a cell, step for step the C reference's main (see its head comment for the loop): the channels
/// are opened here, then a forked "parent" process runs the loop with its forked child. Both are single-threaded
/// forks of the runtime that only make system calls on unmanaged memory and _exit(): they never allocate, so they
/// never need the runtime's other threads, which fork does not copy; and signals blocked there block the whole process.
/// </summary>
internal static unsafe class MeasureLoop
{
    private const int StampEvery = 16;

    /// <summary>Runs <paramref name="iterations"/> timed messages (round trips for ping-pong) after a warm-up.</summary>
    public static LoopFigures Run(string mechanism, int size, string pattern, CpuPlacement placement, long iterations)
    {
        if (placement.Reason is { } unplaceable) return LoopFigures.Refused(unplaceable);
        var pingPong = pattern == MeasurePatterns.PingPong;
        if (ChannelSetup.Open(mechanism, size, pingPong, out var forward, out var back) is { } reason) return LoopFigures.Refused(reason);
        forward.Spins = back.Spins = placement.Together ? ShmRing.Spins : 0;
        var buffer = (byte*)NativeMemory.Alloc((nuint)size + 8);
        var results = (LoopResults*)MeasureLibc.SharedMap(sizeof(LoopResults));
        try
        {
            new Span<byte>(buffer, size + 8).Fill((byte)'x');
            var parent = MeasureLibc.Fork();
            if (parent < 0) throw new MeasureFailedException("fork");
            if (parent == 0) Parent(forward, back, buffer + 8, size, pingPong, placement, iterations, results);
            int status;
            while (Libc.WaitPid(parent, &status, 0) < 0) if (Errno.Last() != Libc.EINTR) throw new MeasureFailedException("waitpid");
            if (status != 0) return LoopFigures.Refused($"the loop's processes failed (wait status {status:x}); see the sandbox's diagnostics");
            var messages = pingPong ? 2 * iterations : iterations;
            return results->Count > 0
                ? new LoopFigures { Messages = messages, ElapsedNs = results->T1 - results->T0, P50 = results->Percentile(500), P90 = results->Percentile(900), P99 = results->Percentile(990) }
                : new LoopFigures { Messages = messages, ElapsedNs = results->T1 - results->T0 };
        }
        finally
        {
            ChannelSetup.Close(forward, back, size);
            Libc.Munmap((nint)results, sizeof(LoopResults));
            NativeMemory.Free(buffer);
        }
    }

    /// <summary>The forked parent: pins itself, forks the child, sends (and for ping-pong receives) and waits for the child. Never returns.</summary>
    private static void Parent(MeasureChannel forward, MeasureChannel back, byte* message, int size, bool pingPong, CpuPlacement placement, long n, LoopResults* results)
    {
        long warm = Math.Max(1, n / 10), total = warm + n;
        var stamps = !pingPong && size >= 8;
        if (forward.Kind == ChannelKind.Signal)
        {
            var set = (1UL << (MeasureLibc.SIGUSR1 - 1)) | (1UL << (MeasureLibc.SIGUSR2 - 1));
            if (Libc.SigProcMask(Libc.SIG_BLOCK, &set, null) != 0) MeasureChannel.Die("sigprocmask");
        }
        CpuPlacement.Pin(placement.ParentCpu);
        var child = MeasureLibc.Fork();
        if (child < 0) MeasureChannel.Die("fork");
        if (child == 0)
        {
            CpuPlacement.Pin(placement.ChildCpu);
            back.Peer = MeasureLibc.GetPPid();
            for (long i = 0; i < total; i++)
            {
                forward.Receive(message, size);
                if (pingPong)
                {
                    back.Send(message, size);
                    continue;
                }
                if (i == warm - 1) results->T0 = LoopCalls.Now();
                else if (stamps && i >= warm && *(long*)message is var stamp and not 0) results->Record(LoopCalls.Now() - stamp);
            }
            if (!pingPong) results->T1 = LoopCalls.Now();
            Libc.Exit(0);
        }
        forward.Peer = child;
        for (long i = 0; i < total; i++)
        {
            if (pingPong)
            {
                var start = LoopCalls.Now();
                if (i == warm) results->T0 = start;
                forward.Send(message, size);
                back.Receive(message, size);
                if (i >= warm) results->Record((LoopCalls.Now() - start) / 2);
            }
            else
            {
                if (stamps) *(long*)message = i % StampEvery == 0 ? LoopCalls.Now() : 0;
                forward.Send(message, size);
            }
        }
        if (pingPong) results->T1 = LoopCalls.Now();
        int status;
        if (Libc.WaitPid(child, &status, 0) != child || status != 0) MeasureChannel.Die("the receiving process failed");
        Libc.Exit(0);
    }
}
