using IpcPlayground.Contracts.Experiments;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Exports.CProgram.Mechanisms;

/// <summary>Message queues: System V (msgsnd/msgrcv with a type) and POSIX (mq_send/mq_receive with a priority).</summary>
internal abstract class Queues : CMechanism
{
    public static readonly CMechanism[] All = [new SysvQueue(), new PosixQueue()];

    private sealed class SysvQueue : Queues
    {
        public override ObjectKind Kind => ObjectKind.SysvMsgQueue;
        public override string Creation => "create_sysv_queue";
        public override string StatHelper => "stat_sysv_queue";
        public override string Open(CStatements c, PlanStep step, CTarget target) => c.Call("open_sysv", target.Ref, CStatements.OpenFlags(step, sysv: true));

        public override string Send(CStatements c, PlanStep step, CTarget target)
        {
            var data = step.Data ?? [];
            return c.Call("send_sysv_message", target.Ref, CStatements.Number(step.Type ?? 1), CLiteral.Bytes(data),
                CStatements.Number(data.Length), CStatements.Flag(step.Nowait));
        }

        public override string Receive(CStatements c, PlanStep step, CTarget target) =>
            c.Call("receive_sysv_message", target.Ref, CStatements.Number(step.Type ?? 0), CStatements.Number(step.MaxBytes ?? 8192), CStatements.Flag(step.Nowait));
    }

    private sealed class PosixQueue : Queues
    {
        public override ObjectKind Kind => ObjectKind.PosixMsgQueue;
        public override IEnumerable<string> Fields(PlanObject obj, string name)
        {
            yield return $"{name}.max_messages = {obj.MaxMessages};";
            yield return $"{name}.message_size = {obj.MessageSize};";
        }

        public override string Creation => "create_posix_queue";
        public override string StatHelper => "stat_posix_queue";

        /// <summary>An mqd_t is a descriptor on Linux: one that arrived is the process's handle of the queue.</summary>
        public override string ReceivedEnd(string? end) => "-1";

        public override string Open(CStatements c, PlanStep step, CTarget target)
        {
            var mode = step.Mode switch { "read" => "O_RDONLY", "write" => "O_WRONLY", _ => "O_RDWR" };
            var open = CStatements.OpenFlags(step, sysv: false);
            return c.Call("open_posix_queue", target.Ref, open == "0" ? mode : $"{mode} | {open}");
        }

        public override string Send(CStatements c, PlanStep step, CTarget target)
        {
            var data = step.Data ?? [];
            return c.Call("send_posix_message", target.Ref, CLiteral.Bytes(data), CStatements.Number(data.Length),
                CStatements.Number(step.Priority ?? 0), CStatements.Flag(step.Nowait));
        }

        // mq_receive fails with EMSGSIZE on a buffer smaller than the queue's message size, so the worker never offers one.
        public override string Receive(CStatements c, PlanStep step, CTarget target) =>
            c.Call("receive_posix_message", target.Ref,
                CStatements.Number(Math.Max(step.MaxBytes ?? target.Object.MessageSize, target.Object.MessageSize)), CStatements.Flag(step.Nowait));
    }
}
