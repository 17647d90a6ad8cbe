using IpcPlayground.Contracts.Experiments;
using System.Buffers.Binary;
using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution;

/// <summary>Messages: System V queues (typed), POSIX queues (prioritised) and Unix datagram sockets.</summary>
internal sealed unsafe partial class StepRunner
{
    private void Send(PlanStep step, string path)
    {
        var obj = Object(step);
        var data = step.Data ?? [];
        switch (obj.Kind)
        {
            case ObjectKind.SysvMsgQueue:
            {
                var id = SysvId(obj);
                var type = step.Type ?? 1;
                var message = new byte[8 + data.Length];
                BinaryPrimitives.WriteInt64LittleEndian(message, type);
                data.CopyTo(message, 8);
                var flags = step.Nowait == true ? Libc.IPC_NOWAIT : 0;
                Call(step, path, "msgsnd", () =>
                {
                    fixed (byte* m = message) return Outcome.Of(Libc.MsgSnd(id, m, data.Length, flags)) with { MessageType = type };
                });
                break;
            }
            case ObjectKind.PosixMsgQueue:
            {
                var mq = QueueDescriptor(obj, out var openErrno);
                if (mq < 0)
                {
                    Report(step, path, "mq_open", openErrno);
                    return;
                }
                var priority = (uint)(step.Priority ?? 0);
                var nowait = step.Nowait == true;
                Call(step, path, "mq_send", () =>
                {
                    // nowait sends through a second, O_NONBLOCK descriptor opened by name, as the C program does.
                    var descriptor = nowait ? Libc.MqOpen(obj.Name!, Libc.O_RDWR | Libc.O_NONBLOCK, 0, null) : mq;
                    if (descriptor < 0) return Outcome.Of(descriptor);
                    Outcome outcome;
                    fixed (byte* d = data) outcome = Outcome.Of(Libc.MqSend(descriptor, d, data.Length, priority)) with { MessagePriority = (int)priority };
                    if (nowait) Libc.MqClose(descriptor);
                    return outcome;
                });
                break;
            }
            case ObjectKind.UnixDgram:
            {
                var fd = _handles.Find(obj.Id, "connected") ?? _handles.Find(obj.Id, "sender") ?? NewSender(obj);
                var address = UnixAddress.Path(obj.Path!);
                var connected = _handles.Find(obj.Id, "connected") is not null;
                var flags = step.Nowait == true ? MSG_DONTWAIT : 0;
                Call(step, path, "sendto", () =>
                {
                    fixed (byte* d = data)
                    fixed (byte* a = address)
                        return Outcome.Of(connected ? Libc.SendTo(fd, d, data.Length, flags, null, 0) : Libc.SendTo(fd, d, data.Length, flags, a, address.Length));
                });
                break;
            }
            default:
                NotOn(step, path, obj);
                break;
        }
    }

    private int NewSender(PlanObject obj)
    {
        var fd = Libc.Socket(Libc.AF_UNIX, Libc.SOCK_DGRAM, 0);
        _handles.Add(obj.Id, "sender", fd);
        return fd;
    }

    private void Receive(PlanStep step, string path)
    {
        var obj = Object(step);
        switch (obj.Kind)
        {
            case ObjectKind.SysvMsgQueue:
            {
                var id = SysvId(obj);
                var size = step.MaxBytes ?? 8192;
                var buffer = new byte[8 + size];
                var flags = step.Nowait == true ? Libc.IPC_NOWAIT : 0;
                var type = step.Type ?? 0;
                Call(step, path, "msgrcv", () =>
                {
                    nint n;
                    fixed (byte* b = buffer) n = Libc.MsgRcv(id, b, size, type, flags);
                    var outcome = Outcome.Of(n);
                    return n >= 0
                        ? outcome with { Data = buffer.AsSpan(8, (int)n).ToArray(), MessageType = BinaryPrimitives.ReadInt64LittleEndian(buffer) }
                        : outcome;
                });
                break;
            }
            case ObjectKind.PosixMsgQueue:
            {
                var mq = QueueDescriptor(obj, out var openErrno);
                if (mq < 0)
                {
                    Report(step, path, "mq_open", openErrno);
                    return;
                }
                var buffer = new byte[Math.Max(step.MaxBytes ?? obj.MessageSize, obj.MessageSize)];
                var nowait = step.Nowait == true;
                Call(step, path, "mq_receive", () =>
                {
                    var descriptor = nowait ? Libc.MqOpen(obj.Name!, Libc.O_RDWR | Libc.O_NONBLOCK, 0, null) : mq;
                    if (descriptor < 0) return Outcome.Of(descriptor);
                    uint priority = 0;
                    nint n;
                    fixed (byte* b = buffer) n = Libc.MqReceive(descriptor, b, buffer.Length, &priority);
                    var outcome = Outcome.Of(n);
                    if (nowait) Libc.MqClose(descriptor);
                    return n >= 0 ? outcome with { Data = buffer.AsSpan(0, (int)n).ToArray(), MessagePriority = (int)priority } : outcome;
                });
                break;
            }
            case ObjectKind.UnixDgram:
            {
                var fd = Descriptor(step, "bound");
                var buffer = new byte[step.MaxBytes ?? 65536];
                var flags = step.Nowait == true ? MSG_DONTWAIT : 0;
                Call(step, path, "recv", () =>
                {
                    nint n;
                    fixed (byte* b = buffer) n = Libc.Recv(fd, b, buffer.Length, flags);
                    var outcome = Outcome.Of(n);
                    return n >= 0 ? outcome with { Data = buffer.AsSpan(0, (int)n).ToArray() } : outcome;
                });
                break;
            }
            default:
                NotOn(step, path, obj);
                break;
        }
    }

    private const int MSG_DONTWAIT = 0x40;

    /// <summary>The System V identifier this process uses for the object (inherited, or the one its open made).</summary>
    private int SysvId(PlanObject obj) => _handles.SysvIds.GetValueOrDefault(obj.Id, -1);
}
