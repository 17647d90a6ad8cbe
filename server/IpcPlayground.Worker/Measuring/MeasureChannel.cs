using IpcPlayground.Worker.Interop;

namespace IpcPlayground.Worker.Measuring;

internal enum ChannelKind { FdStream, Sysv, PosixQueue, ShmSemaphores, ShmRing, EventFd, Signal }

/// <summary>
/// One direction of a mechanism (parent → child, or back), set up before fork; a struct with a switch, as the C
/// reference's channel_t, so a message costs the same dispatch in both. A message points 8 bytes into its buffer: a
/// System V message's type goes just before it, with no copy.
/// </summary>
internal unsafe struct MeasureChannel
{
    public ChannelKind Kind;
    public int SendFd, ReceiveFd;
    public int Queue;
    public long Type;
    public nint Full, Empty;
    public byte* Shared;
    public ShmRing.Header* Ring;
    public long Slots;
    public int Stride;
    public int Spins;
    public int Signal, Peer;

    public readonly void Send(byte* message, int size)
    {
        switch (Kind)
        {
            case ChannelKind.FdStream: WriteAll(SendFd, message, size); break;
            case ChannelKind.Sysv:
                *(long*)(message - 8) = Type;
                while (LoopCalls.MsgSnd(Queue, message - 8, size, 0) != 0) Retry("msgsnd");
                break;
            case ChannelKind.PosixQueue:
                while (LoopCalls.MqSend(Queue, message, size, 0) != 0) Retry("mq_send");
                break;
            case ChannelKind.ShmSemaphores:
                MeasureLibc.MemCpy(Shared, message, size);
                if (LoopCalls.SemPost(Full) != 0) Die("sem_post");
                while (LoopCalls.SemWait(Empty) != 0) Retry("sem_wait");
                break;
            case ChannelKind.ShmRing: ShmRing.Send(this, message, size); break;
            case ChannelKind.EventFd:
                ulong one = 1;
                WriteAll(SendFd, (byte*)&one, 8);
                break;
            case ChannelKind.Signal:
                if (LoopCalls.Kill(Peer, Signal) != 0) Die("kill");
                break;
        }
    }

    public readonly void Receive(byte* message, int size)
    {
        switch (Kind)
        {
            case ChannelKind.FdStream: ReadAll(ReceiveFd, message, size); break;
            case ChannelKind.Sysv:
                while (LoopCalls.MsgRcv(Queue, message - 8, size, Type, 0) < 0) Retry("msgrcv");
                break;
            case ChannelKind.PosixQueue:
                while (LoopCalls.MqReceive(Queue, message, size, null) < 0) Retry("mq_receive");
                break;
            case ChannelKind.ShmSemaphores:
                while (LoopCalls.SemWait(Full) != 0) Retry("sem_wait");
                MeasureLibc.MemCpy(message, Shared, size);
                if (LoopCalls.SemPost(Empty) != 0) Die("sem_post");
                break;
            case ChannelKind.ShmRing: ShmRing.Receive(this, message, size); break;
            case ChannelKind.EventFd:
                ulong value;
                ReadAll(ReceiveFd, (byte*)&value, 8);
                break;
            case ChannelKind.Signal:
                var set = 1UL << (Signal - 1);
                while (LoopCalls.SigTimedWait(&set, null, null) < 0) Retry("sigwaitinfo");
                break;
        }
    }

    private static void WriteAll(int fd, byte* p, int n)
    {
        while (n > 0)
        {
            var w = (int)LoopCalls.Write(fd, p, n);
            if (w < 0) { Retry("write"); continue; }
            p += w;
            n -= w;
        }
    }

    private static void ReadAll(int fd, byte* p, int n)
    {
        while (n > 0)
        {
            var r = (int)LoopCalls.Read(fd, p, n);
            if (r < 0) { Retry("read"); continue; }
            if (r == 0) Die("read: end of file");
            p += r;
            n -= r;
        }
    }

    /// <summary>A call interrupted by a signal is made again; any other failure ends the forked process (it may not throw).</summary>
    private static void Retry(string call)
    {
        if (LoopCalls.Errno != Libc.EINTR) Die(call);
    }

    /// <summary>Ends a forked loop process: it has no runtime threads to unwind an exception with, so it says why and exits.</summary>
    public static void Die(string call)
    {
        var errno = LoopCalls.Errno;
        Span<byte> text = stackalloc byte[96];
        var n = 0;
        foreach (var part in (ReadOnlySpan<string>)["ipcplay-worker measure: ", call])
            foreach (var c in part) if (n < text.Length - 1) text[n++] = (byte)c;
        text[n++] = (byte)'\n';
        fixed (byte* p = text) Libc.Write(2, p, n);
        Libc.Exit(errno == 0 ? 2 : 3);
    }
}
