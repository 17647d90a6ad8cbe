using System.Globalization;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution.Mechanisms;

/// <summary>Counters written and read whole, 8 bytes at a time: eventfd(2), held as the end <c>counter</c>.</summary>
internal abstract unsafe class Counters : WorkerMechanism
{
    public static readonly WorkerMechanism[] All = [new EventFdCounter()];

    private const string End = "counter";

    private sealed class EventFdCounter : Counters
    {
        public override ObjectKind Kind => ObjectKind.EventFd;
        public override bool ReportsStateAfterSteps => true;
        public override string StatCall => "fdinfo";

        /// <summary>No EFD_CLOEXEC: children inherit it through spawn, as they do a pipe.</summary>
        public override void MakeOwned(PlanObject obj, ObjectHandles handles)
        {
            var fd = Libc.EventFd((uint)obj.Initial, obj.Semaphore ? Libc.EFD_SEMAPHORE : 0);
            if (fd < 0) throw new IOException($"eventfd for '{obj.Id}': {Errno.Name(Errno.Last())}");
            handles.Add(obj.Id, End, fd);
        }

        public override void HoldReceived(PlanObject obj, ObjectHandles handles, string? end, int fd) => handles.Add(obj.Id, End, fd);

        /// <summary>Adds the step's value; waits while the counter would pass 0xfffffffffffffffe.</summary>
        public override void Write(ObjectStep s)
        {
            var fd = s.Descriptor(End);
            var value = s.Step.Value ?? 0;
            s.Call("write", () =>
            {
                var added = (ulong)value;
                return Outcome.Of(Libc.Write(fd, (byte*)&added, sizeof(ulong))) with { Value = value };
            });
        }

        /// <summary>Takes the counter (all of it, or 1 with EFD_SEMAPHORE); waits while it is 0.</summary>
        public override void Read(ObjectStep s)
        {
            var fd = s.Descriptor(End);
            s.Call("read", () =>
            {
                ulong taken = 0;
                var n = Libc.Read(fd, (byte*)&taken, sizeof(ulong));
                var outcome = Outcome.Of(n);
                return n == sizeof(ulong) ? outcome with { Value = (long)taken } : outcome;
            });
        }

        /// <summary>The counter as /proc/self/fdinfo shows it (reading the eventfd would take it); EBADF when not held.</summary>
        public override ObjectKernelState? ReadState(PlanObject obj, ObjectHandles handles, out int errno)
        {
            errno = 0;
            if (handles.Find(obj.Id, End) is not { } fd)
            {
                errno = Libc.EBADF;
                return null;
            }
            foreach (var line in File.ReadLines($"/proc/self/fdinfo/{fd}"))
                if (line.StartsWith("eventfd-count:", StringComparison.Ordinal))
                    return new EventFdState
                    {
                        Counter = long.Parse(line["eventfd-count:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                        Semaphore = obj.Semaphore,
                    };
            errno = Libc.EINVAL;
            return null;
        }
    }
}
