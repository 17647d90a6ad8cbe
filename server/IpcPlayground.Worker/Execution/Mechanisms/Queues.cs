using System.Buffers.Binary;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution.Mechanisms;

/// <summary>Message queues: System V (typed messages) and POSIX (prioritised, opened by name).</summary>
internal abstract unsafe class Queues : WorkerMechanism
{
    public static readonly WorkerMechanism[] All = [new SysvQueue(), new PosixQueue()];

    public override bool SupervisorSees => true;

    private sealed class SysvQueue : Queues
    {
        private const int MSG_COPY = 0x4000;
        private const int MaxListedMessages = 32;

        public override ObjectKind Kind => ObjectKind.SysvMsgQueue;
        public override string StatCall => "msgctl";

        public override int Create(PlanObject obj) => Libc.MsgGet(SystemV.KeyForCreation(obj), Libc.IPC_CREAT | Mode);
        public override void Open(ObjectStep s) => SystemV.Open(s, "msgget", (key, flags) => Libc.MsgGet(key, flags));
        public override void Remove(ObjectStep s) => SystemV.Remove(s, StatCall, id => Libc.MsgCtl(id, Libc.IPC_RMID, null));

        public override void Send(ObjectStep s)
        {
            var id = s.SysvId;
            var data = s.Step.Data ?? [];
            var type = s.Step.Type ?? 1;
            var message = new byte[8 + data.Length];
            BinaryPrimitives.WriteInt64LittleEndian(message, type);
            data.CopyTo(message, 8);
            var flags = s.Step.Nowait == true ? Libc.IPC_NOWAIT : 0;
            s.Call("msgsnd", () =>
            {
                fixed (byte* m = message) return Outcome.Of(Libc.MsgSnd(id, m, data.Length, flags)) with { MessageType = type };
            });
        }

        public override void Receive(ObjectStep s)
        {
            var id = s.SysvId;
            var size = s.Step.MaxBytes ?? 8192;
            var buffer = new byte[8 + size];
            var flags = s.Step.Nowait == true ? Libc.IPC_NOWAIT : 0;
            var type = s.Step.Type ?? 0;
            s.Call("msgrcv", () =>
            {
                nint n;
                fixed (byte* b = buffer) n = Libc.MsgRcv(id, b, size, type, flags);
                var outcome = Outcome.Of(n);
                return n >= 0
                    ? outcome with { Data = buffer.AsSpan(8, (int)n).ToArray(), MessageType = BinaryPrimitives.ReadInt64LittleEndian(buffer) }
                    : outcome;
            });
        }

        /// <summary>IPC_STAT and MSG_COPY (which reads a queued message without taking it).</summary>
        public override ObjectKernelState? Snapshot(PlanObject obj, int? sysvId, out int errno)
        {
            errno = 0;
            if (sysvId is not { } id) return null;
            var key = SysvKeys.Text(obj);
            // The count and the listing are two calls; a process may send or receive between them. Read until
            // both agree, so a snapshot never shows a queue that did not exist.
            for (var attempt = 0; ; attempt++)
            {
                Libc.MsqidDs ds;
                if (Libc.MsgCtl(id, Libc.IPC_STAT, &ds) != 0) return Removed(new SysvQueueState { Key = key }, out errno);
                var listed = QueuedMessages(id, (int)Math.Min(ds.QNum, MaxListedMessages));
                Libc.MsqidDs after;
                if (Libc.MsgCtl(id, Libc.IPC_STAT, &after) != 0) return Removed(new SysvQueueState { Key = key }, out errno);
                var consistent = after.QNum == ds.QNum && after.CBytes == ds.CBytes && listed.Count == (int)Math.Min(ds.QNum, MaxListedMessages);
                if (!consistent && attempt < 5) continue;
                return new SysvQueueState
                {
                    Key = key, Id = id, Messages = (long)ds.QNum, Bytes = (long)ds.CBytes, MaxBytes = (long)ds.QBytes, Queue = listed,
                };
            }
        }

        /// <summary>Each queued message's type and size, read with MSG_COPY (by position, without dequeuing).</summary>
        private static List<QueuedMessage> QueuedMessages(int id, int count)
        {
            var list = new List<QueuedMessage>(count);
            var buffer = new byte[8 + 8192];
            fixed (byte* b = buffer)
                for (var i = 0; i < count; i++)
                {
                    var n = Libc.MsgRcv(id, b, 8192, i, Libc.IPC_NOWAIT | MSG_COPY | Libc.MSG_NOERROR);
                    if (n < 0) break;
                    list.Add(new QueuedMessage(*(long*)b, n));
                }
            return list;
        }
    }

    private sealed class PosixQueue : Queues
    {
        public override ObjectKind Kind => ObjectKind.PosixMsgQueue;
        public override string StatCall => "mq_getattr";

        public override int Create(PlanObject obj)
        {
            var attr = new Libc.MqAttr { MaxMsg = obj.MaxMessages, MsgSize = obj.MessageSize };
            var mq = Libc.MqOpen(obj.Name!, Libc.O_CREAT | Libc.O_RDWR, Mode, &attr);
            if (mq >= 0) Libc.MqClose(mq);
            return mq < 0 ? mq : 0;
        }

        /// <summary>An mqd_t is a descriptor on Linux: one that arrived is this process's handle of the queue.</summary>
        public override void HoldReceived(PlanObject obj, ObjectHandles handles, string? end, int fd) => handles.AddQueue(obj.Id, fd);

        public override void Open(ObjectStep s)
        {
            var flags = s.PosixOpenFlags | (s.Step.Mode switch { "read" => Libc.O_RDONLY, "write" => Libc.O_WRONLY, _ => Libc.O_RDWR });
            var (name, maxMessages, messageSize) = (s.Object.Name!, s.Object.MaxMessages, s.Object.MessageSize);
            var outcome = s.Call("mq_open", () =>
            {
                var attr = new Libc.MqAttr { MaxMsg = maxMessages, MsgSize = messageSize };
                return Outcome.Of(Libc.MqOpen(name, flags, Mode, (flags & Libc.O_CREAT) != 0 ? &attr : null));
            }, announce: false);
            if (outcome.Result >= 0) s.Handles.AddQueue(s.Object.Id, (int)outcome.Result);
        }

        public override void Send(ObjectStep s)
        {
            if (Descriptor(s) is not { } mq) return;
            var name = s.Object.Name!;
            var data = s.Step.Data ?? [];
            var priority = (uint)(s.Step.Priority ?? 0);
            var nowait = s.Step.Nowait == true;
            s.Call("mq_send", () =>
            {
                // nowait sends through a second, O_NONBLOCK descriptor opened by name, as the C program does.
                var descriptor = nowait ? Libc.MqOpen(name, Libc.O_RDWR | Libc.O_NONBLOCK, 0, null) : mq;
                if (descriptor < 0) return Outcome.Of(descriptor);
                Outcome outcome;
                fixed (byte* d = data) outcome = Outcome.Of(Libc.MqSend(descriptor, d, data.Length, priority)) with { MessagePriority = (int)priority };
                if (nowait) Libc.MqClose(descriptor);
                return outcome;
            });
        }

        public override void Receive(ObjectStep s)
        {
            if (Descriptor(s) is not { } mq) return;
            var name = s.Object.Name!;
            var buffer = new byte[Math.Max(s.Step.MaxBytes ?? s.Object.MessageSize, s.Object.MessageSize)];
            var nowait = s.Step.Nowait == true;
            s.Call("mq_receive", () =>
            {
                var descriptor = nowait ? Libc.MqOpen(name, Libc.O_RDWR | Libc.O_NONBLOCK, 0, null) : mq;
                if (descriptor < 0) return Outcome.Of(descriptor);
                uint priority = 0;
                nint n;
                fixed (byte* b = buffer) n = Libc.MqReceive(descriptor, b, buffer.Length, &priority);
                var outcome = Outcome.Of(n);
                if (nowait) Libc.MqClose(descriptor);
                return n >= 0 ? outcome with { Data = buffer.AsSpan(0, (int)n).ToArray(), MessagePriority = (int)priority } : outcome;
            });
        }

        public override void Close(ObjectStep s)
        {
            if (s.Handles.RemoveQueue(s.Object.Id, out var mq)) s.Call("mq_close", () => Outcome.Of(Libc.MqClose(mq)), announce: false);
            else base.Close(s);
        }

        public override void Remove(ObjectStep s) => s.Call("mq_unlink", () => Outcome.Of(Libc.MqUnlink(s.Object.Name!)), announce: false);

        /// <summary>This process's descriptor, opened read-write on first use; when it cannot be, the step is reported with mq_open's errno.</summary>
        private static int? Descriptor(ObjectStep s)
        {
            if (s.Handles.TryGetQueue(s.Object.Id, out var mq)) return mq;
            mq = Libc.MqOpen(s.Object.Name!, Libc.O_RDWR, 0, null);
            if (mq < 0)
            {
                s.Report("mq_open", Errno.Last());
                return null;
            }
            s.Handles.AddQueue(s.Object.Id, mq);
            return mq;
        }

        /// <summary>mq_getattr on a descriptor of its own, opened read-only and closed again.</summary>
        public override ObjectKernelState? Snapshot(PlanObject obj, int? sysvId, out int errno)
        {
            errno = 0;
            var mq = Libc.MqOpen(obj.Name!, Libc.O_RDONLY | Libc.O_NONBLOCK, 0, null);
            if (mq < 0) return Removed(new PosixQueueState(), out errno);
            Libc.MqAttr attr;
            Libc.MqGetAttr(mq, &attr);
            Libc.MqClose(mq);
            return State(attr);
        }

        /// <summary>mq_getattr on this process's own descriptor when it holds one.</summary>
        public override ObjectKernelState? ReadState(PlanObject obj, ObjectHandles handles, out int errno)
        {
            if (!handles.TryGetQueue(obj.Id, out var mq)) return base.ReadState(obj, handles, out errno);
            Libc.MqAttr attr;
            if (Libc.MqGetAttr(mq, &attr) < 0) return Failed(out errno);
            errno = 0;
            return State(attr);
        }

        private static PosixQueueState State(Libc.MqAttr attr) => new()
        {
            Messages = (long)attr.CurMsgs, MaxMessages = (long)attr.MaxMsg, MessageSize = (long)attr.MsgSize,
        };
    }
}
