using System.Globalization;
using System.Runtime.InteropServices;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Worker.Interop;

namespace IpcPlayground.Worker.Benchmarking;

/// <summary>
/// <c>ipcplay-worker bench MECHANISM SIZE ITERATIONS [seccomp]</c>: the same loops and system calls as the C reference
/// (tests/IpcPlayground.Benchmarks/Native/ipcbench.c), from C# through LibraryImport, to price what the managed
/// worker adds. The peer is a fork() that only makes system calls on unmanaged memory and then _exit()s: it never
/// allocates, so it never needs the runtime's other threads, which fork does not copy.
/// </summary>
internal static unsafe partial class IpcBench
{
    [LibraryImport("libc.so.6", EntryPoint = "fork", SetLastError = true)]
    private static partial int Fork();

    [LibraryImport("libc.so.6", EntryPoint = "sem_init", SetLastError = true)]
    private static partial int SemInit(nint semaphore, int shared, uint value);

    private const int SemSize = 32;

    public static int Run(string[] args)
    {
        if (args.Length is not (4 or 5) || (args.Length == 5 && args[4] != "seccomp"))
        {
            Console.Error.WriteLine("usage: ipcplay-worker bench MECHANISM SIZE ITERATIONS [seccomp]");
            return 64;
        }
        // With "seccomp", the loops run under the run's filter, as a real run's processes do: its cost per call shows.
        if (args.Length == 5 && Libc.InstallSeccomp() is var failed and not 0) return Die($"seccomp: {Errno.Name(-failed)}");
        var mechanism = args[1];
        var size = int.Parse(args[2], CultureInfo.InvariantCulture);
        var iterations = long.Parse(args[3], CultureInfo.InvariantCulture);
        var buffer = (byte*)NativeMemory.Alloc((nuint)size + 8);
        new Span<byte>(buffer, size + 8).Fill((byte)'x');
        var start = MonotonicClock.Now();
        switch (mechanism)
        {
            case ObjectTypes.Pipe:
            {
                var p = stackalloc int[2];
                if (Libc.Pipe2(p, 0) != 0) return Die("pipe2");
                Stream(p[1], p[0], size, iterations, buffer);
                break;
            }
            case ObjectTypes.SocketPair:
            {
                var s = stackalloc int[2];
                if (Libc.SocketPair(Libc.AF_UNIX, Libc.SOCK_STREAM, 0, s) != 0) return Die("socketpair");
                Stream(s[0], s[1], size, iterations, buffer);
                break;
            }
            case ObjectTypes.Tcp:
            {
                var listener = Libc.Socket(Libc.AF_INET, Libc.SOCK_STREAM, 0);
                var one = 1;
                Libc.SetSockOpt(listener, Libc.SOL_SOCKET, Libc.SO_REUSEADDR, &one, sizeof(int));
                var address = UnixAddress.Loopback(7100);
                int client;
                fixed (byte* a = address)
                {
                    if (Libc.Bind(listener, a, address.Length) != 0 || Libc.Listen(listener, 1) != 0) return Die("bind");
                    client = Libc.Socket(Libc.AF_INET, Libc.SOCK_STREAM, 0);
                    if (Libc.Connect(client, a, address.Length) != 0) return Die("connect");
                }
                var server = Libc.Accept4(listener, null, null, 0);
                Libc.Close(listener);
                start = MonotonicClock.Now();
                Stream(client, server, size, iterations, buffer);
                break;
            }
            case ObjectTypes.SysvMsgQueue:
            {
                var q = Libc.MsgGet(0, Libc.IPC_CREAT | 0x180);
                if (q < 0) return Die("msgget");
                *(long*)buffer = 1;
                if (Libc.MsgSnd(q, buffer, size, Libc.IPC_NOWAIT) != 0 && Errno.Last() == 22)
                {
                    Console.WriteLine("unsupported msgmax");
                    Libc.MsgCtl(q, Libc.IPC_RMID, null);
                    return 0;
                }
                Libc.MsgRcv(q, buffer, size, 0, 0);
                start = MonotonicClock.Now();
                var pid = Fork();
                if (pid == 0)
                {
                    for (long i = 0; i < iterations; i++) if (Libc.MsgRcv(q, buffer, size, 0, 0) < 0) Libc.Exit(2);
                    Libc.Exit(0);
                }
                for (long i = 0; i < iterations; i++)
                {
                    *(long*)buffer = 1;
                    if (Libc.MsgSnd(q, buffer, size, 0) != 0) return Die("msgsnd");
                }
                Reap(pid);
                Libc.MsgCtl(q, Libc.IPC_RMID, null);
                break;
            }
            case ObjectTypes.PosixMsgQueue:
            {
                var attr = new Libc.MqAttr { MaxMsg = 10, MsgSize = size };
                var q = Libc.MqOpen("/ipcbench", Libc.O_CREAT | Libc.O_RDWR, 0x180, &attr);
                if (q < 0)
                {
                    if (Errno.Last() == 22) { Console.WriteLine("unsupported msgsize_max"); return 0; }
                    return Die("mq_open");
                }
                Libc.MqUnlink("/ipcbench");
                var pid = Fork();
                if (pid == 0)
                {
                    for (long i = 0; i < iterations; i++) if (Libc.MqReceive(q, buffer, size, null) < 0) Libc.Exit(2);
                    Libc.Exit(0);
                }
                for (long i = 0; i < iterations; i++) if (Libc.MqSend(q, buffer, size, 0) != 0) return Die("mq_send");
                Reap(pid);
                break;
            }
            case "shm-sem":
            {
                var shm = Libc.Mmap(0, size + 2 * SemSize, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_SHARED | 0x20 /* MAP_ANONYMOUS */, -1, 0);
                nint full = shm, empty = shm + SemSize;
                var data = (byte*)(shm + 2 * SemSize);
                SemInit(full, 1, 0);
                SemInit(empty, 1, 0);
                var pid = Fork();
                if (pid == 0)
                {
                    for (long i = 0; i < iterations; i++)
                    {
                        Libc.SemWait(full);
                        Buffer.MemoryCopy(data, buffer, size, size);
                        Libc.SemPost(empty);
                    }
                    Libc.Exit(0);
                }
                for (long i = 0; i < iterations; i++)
                {
                    Buffer.MemoryCopy(buffer, data, size, size);
                    Libc.SemPost(full);
                    Libc.SemWait(empty);
                }
                Reap(pid);
                break;
            }
            default:
                Console.Error.WriteLine($"unknown mechanism {mechanism}");
                return 64;
        }
        var seconds = (MonotonicClock.Now() - start) / 1e9;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{mechanism} {size} {iterations} {seconds:F9}"));
        return 0;
    }

    private static void Stream(int writeFd, int readFd, int size, long iterations, byte* buffer)
    {
        var pid = Fork();
        if (pid == 0)
        {
            Libc.Close(writeFd);
            for (long i = 0; i < iterations; i++) ReadAll(readFd, buffer, size);
            Libc.Exit(0);
        }
        Libc.Close(readFd);
        for (long i = 0; i < iterations; i++) WriteAll(writeFd, buffer, size);
        Libc.Close(writeFd);
        Reap(pid);
    }

    private static void WriteAll(int fd, byte* buffer, int count)
    {
        while (count > 0)
        {
            var n = (int)Libc.Write(fd, buffer, count);
            if (n < 0) Libc.Exit(2);
            buffer += n;
            count -= n;
        }
    }

    private static void ReadAll(int fd, byte* buffer, int count)
    {
        while (count > 0)
        {
            var n = (int)Libc.Read(fd, buffer, count);
            if (n <= 0) Libc.Exit(2);
            buffer += n;
            count -= n;
        }
    }

    private static void Reap(int pid)
    {
        int status;
        Libc.WaitPid(pid, &status, 0);
    }

    private static int Die(string what)
    {
        Console.Error.WriteLine($"{what}: {Errno.Name(Errno.Last())}");
        return 2;
    }
}
