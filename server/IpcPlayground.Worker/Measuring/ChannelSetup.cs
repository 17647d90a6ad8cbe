using System.Globalization;
using IpcPlayground.Contracts.Measurements;
using IpcPlayground.Worker.Interop;

namespace IpcPlayground.Worker.Measuring;

/// <summary>
/// Opens the forward (parent → child) and back channels of a mechanism before the fork, as open_channels in the C
/// reference does; a reason instead when the kernel cannot carry the message (a queue's size limit).
/// </summary>
internal static unsafe class ChannelSetup
{
    private static int _tcpPort = 7100;

    public static string? Open(string mechanism, int size, bool pingPong, out MeasureChannel forward, out MeasureChannel back)
    {
        forward = default;
        back = default;
        if (mechanism == MeasureMechanisms.Pipe.Name || mechanism == MeasureMechanisms.Fifo.Name)
        {
            forward.Kind = back.Kind = ChannelKind.FdStream;
            (forward.SendFd, forward.ReceiveFd) = OneWay(mechanism, parentWrites: true);
            (back.ReceiveFd, back.SendFd) = pingPong ? OneWay(mechanism, parentWrites: false) : (-1, -1);
            return null;
        }
        if (mechanism == MeasureMechanisms.SocketPair.Name || mechanism == MeasureMechanisms.UnixStream.Name || mechanism == MeasureMechanisms.Tcp.Name)
        {
            var (parent, child) = Connected(mechanism);
            forward.Kind = back.Kind = ChannelKind.FdStream;
            (forward.SendFd, forward.ReceiveFd) = (parent, child);
            (back.SendFd, back.ReceiveFd) = (child, parent);
            return null;
        }
        if (mechanism == MeasureMechanisms.SysvMsgQueue.Name)
        {
            var max = ReadLimit("/proc/sys/kernel/msgmax");
            if (max >= 0 && size > max)
                return $"a System V message holds at most {max} bytes here (/proc/sys/kernel/msgmax): msgsnd(2) fails with EINVAL";
            var q = Libc.MsgGet(0 /* IPC_PRIVATE */, Libc.IPC_CREAT | 0x180);
            if (q < 0) throw new MeasureFailedException("msgget");
            forward.Kind = back.Kind = ChannelKind.Sysv;
            forward.Queue = back.Queue = q;
            (forward.Type, back.Type) = (1, 2);
            return null;
        }
        if (mechanism == MeasureMechanisms.PosixQueue.Name)
        {
            var attr = new Libc.MqAttr { MaxMsg = 10, MsgSize = size };
            forward.Kind = back.Kind = ChannelKind.PosixQueue;
            foreach (var (name, isForward) in (ReadOnlySpan<(string, bool)>)[("/ipcplay-measure-forward", true), ("/ipcplay-measure-back", false)])
            {
                Libc.MqUnlink(name);
                var q = Libc.MqOpen(name, Libc.O_CREAT | Libc.O_RDWR, 0x180, &attr);
                if (q < 0)
                {
                    if (Errno.Last() == Libc.EINVAL)
                        return $"a POSIX queue's message holds at most {ReadLimit("/proc/sys/fs/mqueue/msgsize_max")} bytes here (/proc/sys/fs/mqueue/msgsize_max): mq_open(3) fails with EINVAL";
                    throw new MeasureFailedException("mq_open");
                }
                Libc.MqUnlink(name);
                if (isForward) forward.Queue = q; else back.Queue = q;
            }
            return null;
        }
        if (mechanism == MeasureMechanisms.ShmSemaphores.Name)
        {
            forward = Semaphores(size);
            back = Semaphores(size);
            return null;
        }
        if (mechanism == MeasureMechanisms.ShmRing.Name)
        {
            forward = Ring(size);
            back = Ring(size);
            return null;
        }
        if (mechanism == MeasureMechanisms.EventFd.Name)
        {
            forward.Kind = back.Kind = ChannelKind.EventFd;
            forward.SendFd = forward.ReceiveFd = Libc.EventFd(0, 0);
            back.SendFd = back.ReceiveFd = Libc.EventFd(0, 0);
            if (forward.SendFd < 0 || back.SendFd < 0) throw new MeasureFailedException("eventfd");
            return null;
        }
        if (mechanism == MeasureMechanisms.Signal.Name)
        {
            // The loop blocks both signals before its fork and learns each peer's pid after it (MeasureLoop).
            forward.Kind = back.Kind = ChannelKind.Signal;
            (forward.Signal, back.Signal) = (MeasureLibc.SIGUSR1, MeasureLibc.SIGUSR2);
            return null;
        }
        return $"{mechanism} is not a mechanism";
    }

    /// <summary>Closes what <see cref="Open"/> opened, so a worker that times many cells holds nothing of the earlier ones.</summary>
    public static void Close(in MeasureChannel forward, in MeasureChannel back, int size)
    {
        ReadOnlySpan<int> fds = [forward.SendFd, forward.ReceiveFd, back.SendFd, back.ReceiveFd];
        for (var i = 0; i < fds.Length; i++)
            if (fds[i] > 2 && !fds[..i].Contains(fds[i])) Libc.Close(fds[i]);
        switch (forward.Kind)
        {
            case ChannelKind.Sysv: Libc.MsgCtl(forward.Queue, Libc.IPC_RMID, null); break;
            case ChannelKind.PosixQueue: Libc.MqClose(forward.Queue); Libc.MqClose(back.Queue); break;
            case ChannelKind.ShmSemaphores: Libc.Munmap(forward.Full, 2 * ShmRing.Line + size); Libc.Munmap(back.Full, 2 * ShmRing.Line + size); break;
            case ChannelKind.ShmRing:
                Libc.Munmap((nint)forward.Ring, sizeof(ShmRing.Header) + (nint)(forward.Slots * forward.Stride));
                Libc.Munmap((nint)back.Ring, sizeof(ShmRing.Header) + (nint)(back.Slots * back.Stride));
                break;
        }
    }

    /// <summary>A pipe or FIFO as (the parent's descriptor, the child's): the parent's is the write end when it writes.</summary>
    private static (int Parent, int Child) OneWay(string mechanism, bool parentWrites)
    {
        var p = stackalloc int[2];
        if (mechanism == MeasureMechanisms.Pipe.Name)
        {
            if (Libc.Pipe2(p, 0) != 0) throw new MeasureFailedException("pipe");
        }
        else
        {
            var path = parentWrites ? "/tmp/ipcplay-measure-forward" : "/tmp/ipcplay-measure-back";
            Libc.Unlink(path);
            if (Libc.MkFifo(path, 0x180) != 0) throw new MeasureFailedException("mkfifo");
            if ((p[0] = Libc.Open(path, Libc.O_RDONLY | Libc.O_NONBLOCK)) < 0 || (p[1] = Libc.Open(path, Libc.O_WRONLY)) < 0)
                throw new MeasureFailedException("open fifo");
            if (Libc.Fcntl(p[0], 4 /* F_SETFL */, 0) != 0) throw new MeasureFailedException("fcntl");
            Libc.Unlink(path);
        }
        return parentWrites ? (p[1], p[0]) : (p[0], p[1]);
    }

    /// <summary>A connected stream: a socketpair, or a listener's accepted connection (Unix path or TCP on loopback).</summary>
    private static (int Parent, int Child) Connected(string mechanism)
    {
        if (mechanism == MeasureMechanisms.SocketPair.Name)
        {
            var s = stackalloc int[2];
            if (Libc.SocketPair(Libc.AF_UNIX, Libc.SOCK_STREAM, 0, s) != 0) throw new MeasureFailedException("socketpair");
            return (s[0], s[1]);
        }
        var tcp = mechanism == MeasureMechanisms.Tcp.Name;
        const string socketPath = "/tmp/ipcplay-measure.sock";
        var address = tcp ? UnixAddress.Loopback(_tcpPort++) : UnixAddress.Path(socketPath);
        var domain = tcp ? Libc.AF_INET : Libc.AF_UNIX;
        if (!tcp) Libc.Unlink(socketPath);
        var one = 1;
        int client, server;
        var listener = Libc.Socket(domain, Libc.SOCK_STREAM, 0);
        if (tcp) Libc.SetSockOpt(listener, Libc.SOL_SOCKET, Libc.SO_REUSEADDR, &one, sizeof(int));
        fixed (byte* a = address)
        {
            if (Libc.Bind(listener, a, address.Length) != 0 || Libc.Listen(listener, 1) != 0) throw new MeasureFailedException("bind");
            client = Libc.Socket(domain, Libc.SOCK_STREAM, 0);
            if (Libc.Connect(client, a, address.Length) != 0) throw new MeasureFailedException("connect");
        }
        if (!tcp) Libc.Unlink(socketPath);
        server = Libc.Accept4(listener, null, null, 0);
        if (server < 0) throw new MeasureFailedException("accept");
        Libc.Close(listener);
        if (tcp)
        {
            Libc.SetSockOpt(client, MeasureLibc.IPPROTO_TCP, MeasureLibc.TCP_NODELAY, &one, sizeof(int));
            Libc.SetSockOpt(server, MeasureLibc.IPPROTO_TCP, MeasureLibc.TCP_NODELAY, &one, sizeof(int));
        }
        return (client, server);
    }

    private static MeasureChannel Semaphores(int size)
    {
        var region = MeasureLibc.SharedMap(2 * ShmRing.Line + size);
        var channel = new MeasureChannel { Kind = ChannelKind.ShmSemaphores, Full = (nint)region, Empty = (nint)(region + ShmRing.Line), Shared = region + 2 * ShmRing.Line };
        if (MeasureLibc.SemInit(channel.Full, 1, 0) != 0 || MeasureLibc.SemInit(channel.Empty, 1, 0) != 0) throw new MeasureFailedException("sem_init");
        return channel;
    }

    private static MeasureChannel Ring(int size)
    {
        var (stride, slots) = ShmRing.Geometry(size);
        var region = MeasureLibc.SharedMap(sizeof(ShmRing.Header) + (nint)(slots * stride));
        return new MeasureChannel { Kind = ChannelKind.ShmRing, Ring = (ShmRing.Header*)region, Shared = region + sizeof(ShmRing.Header), Slots = slots, Stride = stride };
    }

    private static long ReadLimit(string path)
    {
        try { return long.Parse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture); }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException) { return -1; }
    }
}
