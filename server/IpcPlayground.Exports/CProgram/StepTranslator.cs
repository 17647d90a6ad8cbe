using IpcPlayground.Contracts.Experiments;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Exports.CProgram;

/// <summary>
/// One process's steps as C statements, each the call the worker's StepRunner makes for that op and object type
/// (server/IpcPlayground.Worker/Execution), with the decisions the worker takes from the plan (which end a step
/// uses, buffer sizes, defaults) taken here. Records which runtime helpers the statements call.
/// </summary>
internal sealed class StepTranslator(PlanProcess process, int processIndex, IReadOnlyDictionary<string, PlanObject> objects, HashSet<string> helpers)
{
    /// <summary>Writes the steps; <paramref name="contractPath"/> is the JSON path of their list, e.g. <c>processes[0].steps</c>.</summary>
    public void Write(CodeWriter code, IReadOnlyList<PlanStep> steps, string contractPath, string stepPrefix = "", int depth = 0)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var path = $"{contractPath}[{i}]";
            var number = stepPrefix + CLiteral.Number(i);
            code.Line($"/* {CLiteral.CommentText($"{process.Id}, step {number} ({path}): {Describe(step)}")} */");
            if (step.Kind == OpKind.Repeat)
            {
                var counter = Round(depth + 1);
                code.Open($"for (int {counter} = 0; {counter} < {step.Times ?? 1}; {counter}++)");
                Write(code, step.Steps ?? [], path + ".steps", number + ".", depth + 1);
                code.Close();
                continue;
            }
            // Where the process is in its script, for the trace the fidelity oracle compares with a run's events.
            helpers.Add("at_step");
            code.Line($"at_step({CLiteral.String(number)}, {(depth == 0 ? "-1" : Round(depth))});");
            code.Line(Statement(step, path));
        }
    }

    private static string Round(int depth) => $"round_{depth}";

    private static string Describe(PlanStep step) =>
        string.Join(' ', new[] { step.Op, step.Object ?? step.Target, step.End is null ? null : $"({step.End} end)" }.Where(s => s is not null));

    private string Statement(PlanStep step, string path) => step.Kind switch
    {
        OpKind.Write => Write(step, path),
        OpKind.Read => Call("read_bytes", Ref(step, path), End(step, path, "read"), Number(step.Bytes ?? 1)),
        OpKind.Accept => Call("accept_connection", Ref(step, path)),
        OpKind.Close => Call("close_object", Ref(step, path), step.End is null ? "ALL_ENDS" : CNames.End(step.End)),
        OpKind.Open => Open(step, path),
        OpKind.Send => Send(step, path),
        OpKind.Receive => Receive(step, path),
        OpKind.Store => Store(step, path),
        OpKind.Load => Call("load_bytes", SharedMemory(step, path), Number(step.Offset ?? 0), Number(step.Length ?? 4)),
        OpKind.Increment => Call("increment_counter", SharedMemory(step, path), Number(step.Offset ?? 0), Number(step.Times ?? 1), Flag(step.Atomic)),
        OpKind.SemWait => Semaphore(step, path, -1),
        OpKind.SemPost => Semaphore(step, path, +1),
        OpKind.Signal => Call("send_signal", Process(step.Target, path), Signal(step.Signal, path)),
        OpKind.Handle => Call("handle_signal", Signal(step.Signal, path), step.Action switch { SignalActions.Log => "ACTION_LOG", SignalActions.Ignore => "ACTION_IGNORE", _ => "ACTION_DEFAULT" }),
        OpKind.Block => Call("mask_signals", "SIG_BLOCK", SignalList(step.Signals), Number(step.Signals?.Count ?? 0)),
        OpKind.Unblock => Call("mask_signals", "SIG_UNBLOCK", SignalList(step.Signals), Number(step.Signals?.Count ?? 0)),
        OpKind.WaitSignal => Call("wait_for_signal", SignalList(step.Signals), Number(step.Signals?.Count ?? 0), Number(step.TimeoutMs ?? -1)),
        OpKind.Spawn => Call("spawn_process", Process(step.Target, path), CNames.ProcessFunction(step.Target!)),
        OpKind.Wait => Call("wait_for_child", Process(step.Target, path)),
        OpKind.Sleep => Call("sleep_ms", Number(step.Ms ?? 0)),
        OpKind.Stat => Stat(step, path),
        OpKind.Remove => Call("remove_object", Ref(step, path)),
        OpKind.Exit => $"return {Number(step.Code ?? 0)};",
        // A repeat is a loop around its steps (Translate), never a statement of its own.
        OpKind.Repeat => throw Unsupported(path, step, "a repeat is translated as a loop"),
    };

    private string Call(string helper, params string[] arguments)
    {
        helpers.Add(helper);
        return $"{helper}({string.Join(", ", arguments)});";
    }

    private static string Number(long value) => CLiteral.Number(value);

    private static string Flag(bool? value) => value == true ? "1" : "0";

    private PlanObject Object(PlanStep step, string path) =>
        step.Object is not null && objects.TryGetValue(step.Object, out var obj)
            ? obj
            : throw Unsupported(path, step, $"the step names no object of the experiment ('{step.Object}')");

    private string Ref(PlanStep step, string path) => "&" + CNames.Object(Object(step, path).Id);

    /// <summary>The end a stream op uses when the step names none, as the worker's StreamEnd decides it.</summary>
    private string End(PlanStep step, string path, string direction)
    {
        var obj = Object(step, path);
        var end = obj.Kind switch
        {
            ObjectKind.SocketPair => step.End ?? (process.Creates.Contains(obj.Id) ? "first" : "second"),
            ObjectKind.UnixStream or ObjectKind.Tcp => "socket",
            ObjectKind.Pipe or ObjectKind.Fifo => step.End ?? direction,
            _ => throw Unsupported(path, step, $"{step.Op} works on byte streams, and '{obj.Id}' is a {obj.Type}"),
        };
        return CNames.End(end);
    }

    private string Write(PlanStep step, string path)
    {
        var end = End(step, path, "write");
        return step.Data is { } data
            ? Call("write_bytes", Ref(step, path), end, CLiteral.Bytes(data), Number(data.Length))
            : Call("write_generated", Ref(step, path), end, Number(step.Size ?? 0));
    }

    private string Open(PlanStep step, string path)
    {
        var obj = Object(step, path);
        var flags = step.Mode switch { "write" => "O_WRONLY", "read-write" => "O_RDWR", _ => "O_RDONLY" };
        return obj.Kind switch
        {
            ObjectKind.Fifo => Call("open_fifo", Ref(step, path), flags),
            ObjectKind.UnixStream or ObjectKind.Tcp or ObjectKind.UnixDgram => Call("connect_socket", Ref(step, path)),
            ObjectKind.SysvMsgQueue or ObjectKind.SysvShm or ObjectKind.SysvSem => Call("open_sysv", Ref(step, path)),
            ObjectKind.PosixMsgQueue => Call("open_posix_queue", Ref(step, path), step.Mode switch { "read" => "O_RDONLY", "write" => "O_WRONLY", _ => "O_RDWR" }),
            ObjectKind.PosixShm => Call("attach_memory", Ref(step, path), "1"),
            ObjectKind.PosixSem => Call("open_posix_semaphore", Ref(step, path)),
            _ => throw Unsupported(path, step, $"a {obj.Type} is not opened"),
        };
    }

    private string Send(PlanStep step, string path)
    {
        var obj = Object(step, path);
        var data = step.Data ?? [];
        var literal = CLiteral.Bytes(data);
        return obj.Kind switch
        {
            ObjectKind.SysvMsgQueue => Call("send_sysv_message", Ref(step, path), Number(step.Type ?? 1), literal, Number(data.Length), Flag(step.Nowait)),
            ObjectKind.PosixMsgQueue => Call("send_posix_message", Ref(step, path), literal, Number(data.Length), Number(step.Priority ?? 0), Flag(step.Nowait)),
            ObjectKind.UnixDgram => Call("send_datagram", Ref(step, path), literal, Number(data.Length), Flag(step.Nowait)),
            _ => throw Unsupported(path, step, $"send works on message queues and datagram sockets, and '{obj.Id}' is a {obj.Type}"),
        };
    }

    private string Receive(PlanStep step, string path)
    {
        var obj = Object(step, path);
        return obj.Kind switch
        {
            ObjectKind.SysvMsgQueue => Call("receive_sysv_message", Ref(step, path), Number(step.Type ?? 0), Number(step.MaxBytes ?? 8192), Flag(step.Nowait)),
            // mq_receive fails with EMSGSIZE on a buffer smaller than the queue's message size, so the worker never offers one.
            ObjectKind.PosixMsgQueue => Call("receive_posix_message", Ref(step, path), Number(Math.Max(step.MaxBytes ?? obj.MessageSize, obj.MessageSize)), Flag(step.Nowait)),
            ObjectKind.UnixDgram => Call("receive_datagram", Ref(step, path), Number(step.MaxBytes ?? 65536), Flag(step.Nowait)),
            _ => throw Unsupported(path, step, $"receive works on message queues and datagram sockets, and '{obj.Id}' is a {obj.Type}"),
        };
    }

    private string SharedMemory(PlanStep step, string path)
    {
        var obj = Object(step, path);
        return obj.Kind is ObjectKind.SysvShm or ObjectKind.PosixShm
            ? "&" + CNames.Object(obj.Id)
            : throw Unsupported(path, step, $"{step.Op} works on shared memory, and '{obj.Id}' is a {obj.Type}");
    }

    private string Store(PlanStep step, string path)
    {
        var target = SharedMemory(step, path);
        var offset = Number(step.Offset ?? 0);
        if (step.Data is { } data) return Call("store_bytes", target, offset, CLiteral.Bytes(data), Number(data.Length));
        if (step.Size is { } size) return Call("store_generated", target, offset, Number(size));
        return Call("store_int32", target, offset, Number(step.Int32 ?? 0));
    }

    private string Semaphore(PlanStep step, string path, int sign)
    {
        var obj = Object(step, path);
        var count = step.Count ?? 1;
        return obj.Kind switch
        {
            ObjectKind.SysvSem => Call("semop_sysv", Ref(step, path), Number(step.Index ?? 0), Number(sign * count), Flag(step.Undo), Flag(step.Nowait)),
            ObjectKind.PosixSem => Call("sem_op_posix", Ref(step, path), Number(sign * count)),
            _ => throw Unsupported(path, step, $"{step.Op} works on semaphores, and '{obj.Id}' is a {obj.Type}"),
        };
    }

    private string Stat(PlanStep step, string path)
    {
        var obj = Object(step, path);
        var helper = obj.Kind switch
        {
            ObjectKind.SysvMsgQueue => "stat_sysv_queue",
            ObjectKind.SysvShm => "stat_sysv_segment",
            ObjectKind.SysvSem => "stat_sysv_semaphores",
            ObjectKind.PosixMsgQueue => "stat_posix_queue",
            ObjectKind.PosixSem => "stat_posix_semaphore",
            ObjectKind.PosixShm => "stat_posix_memory",
            ObjectKind.Pipe or ObjectKind.Fifo or ObjectKind.SocketPair or ObjectKind.UnixStream or ObjectKind.UnixDgram or ObjectKind.Tcp => "stat_stream",
        };
        return Call(helper, Ref(step, path));
    }

    private string Process(string? target, string path) =>
        target is not null ? CNames.ProcessIndex(target) : throw new NotSupportedException($"step {path} names no process");

    private static string Signal(int? signal, string path) =>
        signal is { } number ? CNames.Signal(number) : throw new NotSupportedException($"step {path} names no signal");

    private static string SignalList(IReadOnlyList<int>? signals) =>
        signals is { Count: > 0 } ? $"(int[]){{ {string.Join(", ", signals.Select(CNames.Signal))} }}" : "(int[]){ 0 }";

    private NotSupportedException Unsupported(string path, PlanStep step, string why) =>
        new($"step {path} ({step.Op} in process '{process.Id}', processes[{processIndex}]): {why}");
}
