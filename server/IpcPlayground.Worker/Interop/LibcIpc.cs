using System.Runtime.InteropServices;

namespace IpcPlayground.Worker.Interop;

/// <summary>System V and POSIX IPC, sockets and signals: the calls the experiment steps make.</summary>
internal static unsafe partial class Libc
{
    public const int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0x40, O_EXCL = 0x80;
    public const int IPC_CREAT = 0x200, IPC_EXCL = 0x400, IPC_NOWAIT = 0x800, IPC_RMID = 0, IPC_STAT = 2;
    public const int MSG_NOERROR = 0x1000;
    public const int SEM_UNDO = 0x1000, GETVAL = 12, GETALL = 13, GETNCNT = 14, GETZCNT = 15, SETALL = 17;
    public const int PROT_READ = 1, PROT_WRITE = 2, MAP_SHARED = 1;
    public const int AF_INET = 2, SOCK_DGRAM = 2, SOL_SOCKET = 1, SO_REUSEADDR = 2;
    public const int FIONREAD = 0x541B;
    public const int SIG_BLOCK = 0, SIG_UNBLOCK = 1, SIG_SETMASK = 2;

    [StructLayout(LayoutKind.Sequential)]
    public struct MqAttr
    {
        public nint Flags, MaxMsg, MsgSize, CurMsgs, Pad0, Pad1, Pad2, Pad3;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct SemBuf
    {
        public ushort Number;
        public short Operation;
        public short Flags;
    }

    /// <summary>struct msqid_ds on x86-64 (120 bytes).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct MsqidDs
    {
        public fixed byte Perm[48];
        public long STime, RTime, CTime;
        public ulong CBytes, QNum, QBytes;
        public int LSPid, LRPid;
        public ulong Unused4, Unused5;
    }

    /// <summary>struct shmid_ds on x86-64 (112 bytes).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct ShmidDs
    {
        public fixed byte Perm[48];
        public ulong SegSz;
        public long ATime, DTime, CTime;
        public int CPid, LPid;
        public ulong NAttch;
        public ulong Unused4, Unused5;
    }

    [LibraryImport(Lib, EntryPoint = "mkfifo", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int MkFifo(string path, int mode);

    [LibraryImport(Lib, EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Open(string path, int flags, int mode);

    [LibraryImport(Lib, EntryPoint = "unlink", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Unlink(string path);

    [LibraryImport(Lib, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, nuint request, int* argument);

    [LibraryImport(Lib, EntryPoint = "ftok", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Ftok(string path, int projectId);

    [LibraryImport(Lib, EntryPoint = "msgget", SetLastError = true)]
    public static partial int MsgGet(int key, int flags);

    [LibraryImport(Lib, EntryPoint = "msgsnd", SetLastError = true)]
    public static partial int MsgSnd(int id, byte* message, nint size, int flags);

    [LibraryImport(Lib, EntryPoint = "msgrcv", SetLastError = true)]
    public static partial nint MsgRcv(int id, byte* message, nint size, long type, int flags);

    [LibraryImport(Lib, EntryPoint = "msgctl", SetLastError = true)]
    public static partial int MsgCtl(int id, int command, MsqidDs* buffer);

    [LibraryImport(Lib, EntryPoint = "mq_open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int MqOpen(string name, int flags, int mode, MqAttr* attributes);

    [LibraryImport(Lib, EntryPoint = "mq_send", SetLastError = true)]
    public static partial int MqSend(int mq, byte* message, nint length, uint priority);

    [LibraryImport(Lib, EntryPoint = "mq_receive", SetLastError = true)]
    public static partial nint MqReceive(int mq, byte* message, nint length, uint* priority);

    [LibraryImport(Lib, EntryPoint = "mq_getattr", SetLastError = true)]
    public static partial int MqGetAttr(int mq, MqAttr* attributes);

    [LibraryImport(Lib, EntryPoint = "mq_close", SetLastError = true)]
    public static partial int MqClose(int mq);

    [LibraryImport(Lib, EntryPoint = "mq_unlink", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int MqUnlink(string name);

    [LibraryImport(Lib, EntryPoint = "shmget", SetLastError = true)]
    public static partial int ShmGet(int key, nint size, int flags);

    [LibraryImport(Lib, EntryPoint = "shmat", SetLastError = true)]
    public static partial nint ShmAt(int id, nint address, int flags);

    [LibraryImport(Lib, EntryPoint = "shmdt", SetLastError = true)]
    public static partial int ShmDt(nint address);

    [LibraryImport(Lib, EntryPoint = "shmctl", SetLastError = true)]
    public static partial int ShmCtl(int id, int command, ShmidDs* buffer);

    [LibraryImport(Lib, EntryPoint = "shm_open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int ShmOpen(string name, int flags, int mode);

    [LibraryImport(Lib, EntryPoint = "shm_unlink", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int ShmUnlink(string name);

    [LibraryImport(Lib, EntryPoint = "ftruncate", SetLastError = true)]
    public static partial int FTruncate(int fd, long length);

    [LibraryImport(Lib, EntryPoint = "mmap", SetLastError = true)]
    public static partial nint Mmap(nint address, nint length, int protection, int flags, int fd, long offset);

    [LibraryImport(Lib, EntryPoint = "munmap", SetLastError = true)]
    public static partial int Munmap(nint address, nint length);

    [LibraryImport(Lib, EntryPoint = "semget", SetLastError = true)]
    public static partial int SemGet(int key, int count, int flags);

    [LibraryImport(Lib, EntryPoint = "semop", SetLastError = true)]
    public static partial int SemOp(int id, SemBuf* operations, nint count);

    [LibraryImport(Lib, EntryPoint = "semctl", SetLastError = true)]
    public static partial int SemCtl(int id, int number, int command, nint argument);

    /// <summary>What sem_open returns on failure: glibc's SEM_FAILED is a null pointer (not -1, as MAP_FAILED is).</summary>
    public const nint SEM_FAILED = 0;

    [LibraryImport(Lib, EntryPoint = "sem_open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial nint SemOpen(string name, int flags, int mode, uint value);

    [LibraryImport(Lib, EntryPoint = "sem_wait", SetLastError = true)]
    public static partial int SemWait(nint semaphore);

    [LibraryImport(Lib, EntryPoint = "sem_post", SetLastError = true)]
    public static partial int SemPost(nint semaphore);

    [LibraryImport(Lib, EntryPoint = "sem_getvalue", SetLastError = true)]
    public static partial int SemGetValue(nint semaphore, int* value);

    [LibraryImport(Lib, EntryPoint = "sem_close", SetLastError = true)]
    public static partial int SemClose(nint semaphore);

    [LibraryImport(Lib, EntryPoint = "sem_unlink", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int SemUnlink(string name);

    [LibraryImport(Lib, EntryPoint = "socketpair", SetLastError = true)]
    public static partial int SocketPair(int domain, int type, int protocol, int* fds);

    [LibraryImport(Lib, EntryPoint = "sendto", SetLastError = true)]
    public static partial nint SendTo(int fd, byte* buffer, nint length, int flags, byte* address, int addressLength);

    [LibraryImport(Lib, EntryPoint = "setsockopt", SetLastError = true)]
    public static partial int SetSockOpt(int fd, int level, int name, int* value, int length);

    [LibraryImport(Lib, EntryPoint = "eventfd", SetLastError = true)]
    public static partial int EventFd(uint initial, int flags);

    public const int EFD_SEMAPHORE = 1;

    [LibraryImport(Lib, EntryPoint = "sigprocmask", SetLastError = true)]
    public static partial int SigProcMask(int how, ulong* set, ulong* old);

    [LibraryImport(Lib, EntryPoint = "sigtimedwait", SetLastError = true)]
    public static partial int SigTimedWait(ulong* set, void* info, Timespec* timeout);

    [LibraryImport("libipcplay_native", EntryPoint = "ipcplay_set_signal_report_fd")]
    public static partial void SetSignalReportFd(int fd);

    [LibraryImport("libipcplay_native", EntryPoint = "ipcplay_set_disposition", SetLastError = true)]
    public static partial int SetDisposition(int signal, int action, int flags = 0);

    [LibraryImport("libipcplay_native", EntryPoint = "ipcplay_send_fd", SetLastError = true)]
    public static partial nint SendFd(int socket, int descriptor, byte* address, int length, int flags);

    [LibraryImport("libipcplay_native", EntryPoint = "ipcplay_receive_fd", SetLastError = true)]
    public static partial nint ReceiveFd(int socket, byte* data, int flags, int* received);

    [LibraryImport("libipcplay_native", EntryPoint = "ipcplay_fault", SetLastError = true)]
    public static partial int Fault(int kind);

    [LibraryImport("libipcplay_native", EntryPoint = "ipcplay_take_runtime_signal", SetLastError = true)]
    public static partial int TakeRuntimeSignal(int signal);

    /// <summary>sigqueue(3): union sigval is passed as the int it carries, widened to the register it travels in.</summary>
    [LibraryImport(Lib, EntryPoint = "sigqueue", SetLastError = true)]
    public static partial int SigQueue(int pid, int signal, nint value);

    public const int SA_RESTART = 0x10000000, SA_NODEFER = 0x40000000, SA_RESETHAND = unchecked((int)0x80000000);
}
