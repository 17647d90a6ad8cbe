using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Contracts.Predictions;

/// <summary>The call a step makes, as its manual page is named (<c>read(2)</c>, <c>mq_send(3)</c>), for explanations.</summary>
public static class SystemCalls
{
    public static string Of(string op, string? objectType)
    {
        var mechanism = objectType is null ? null : Mechanisms.Named(objectType);
        var sysv = mechanism?.IsSysv == true;
        var posix = mechanism?.Naming == Naming.PosixName;
        var socket = objectType is ObjectTypes.UnixStream or ObjectTypes.UnixDgram or ObjectTypes.UnixSeqpacket or ObjectTypes.Tcp or ObjectTypes.SocketPair;
        return Ops.KindOf(op) switch
        {
            OpKind.Write => "write(2)",
            OpKind.Read => "read(2)",
            OpKind.Send => sysv ? "msgsnd(2)" : posix ? "mq_send(3)" : "send(2)",
            OpKind.Receive => sysv ? "msgrcv(2)" : posix ? "mq_receive(3)" : "recv(2)",
            OpKind.Open => objectType switch
            {
                ObjectTypes.SysvMsgQueue => "msgget(2)",
                ObjectTypes.SysvShm => "shmget(2)",
                ObjectTypes.SysvSem => "semget(2)",
                ObjectTypes.PosixMsgQueue => "mq_open(3)",
                ObjectTypes.PosixShm => "shm_open(3)",
                ObjectTypes.PosixSem => "sem_open(3)",
                _ when socket => "connect(2)",
                _ => "open(2)",
            },
            OpKind.Close => "close(2)",
            OpKind.Store or OpKind.Load or OpKind.Increment => "a memory access",
            OpKind.SemWait => sysv ? "semop(2)" : "sem_wait(3)",
            OpKind.SemPost => sysv ? "semop(2)" : "sem_post(3)",
            OpKind.Signal => "kill(2)",
            OpKind.Handle => "sigaction(2)",
            OpKind.Block or OpKind.Unblock => "sigprocmask(2)",
            OpKind.WaitSignal => "sigtimedwait(2)",
            OpKind.Spawn => "fork(2)",
            OpKind.Wait => "waitpid(2)",
            OpKind.Sleep => "nanosleep(2)",
            OpKind.Repeat => "a loop",
            OpKind.Stat => sysv ? "msgctl(2)" : "fstat(2)",
            OpKind.Remove => sysv ? "IPC_RMID" : posix ? "unlink" : "unlink(2)",
            OpKind.Exit => "_exit(2)",
            OpKind.Accept => "accept(2)",
            OpKind.Fault => "the faulting instruction",
            OpKind.Poll => "poll(2)",
            OpKind.SendFd => "sendmsg(2)",
            OpKind.ReceiveFd => "recvmsg(2)",
            OpKind.Exec => "execve(2)",
        };
    }
}
