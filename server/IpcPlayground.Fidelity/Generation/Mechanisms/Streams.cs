using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Fidelity.Generation.Simulation;
using IpcPlayground.Fidelity.Generation.Simulation.Objects;

namespace IpcPlayground.Fidelity.Generation.Mechanisms;

/// <summary>Byte streams: pipes, FIFOs, socketpairs, and stream sockets one process binds and accepts on.</summary>
internal abstract class Streams : GeneratedMechanism
{
    public static IReadOnlyList<GeneratedMechanism> All { get; } =
        [new PipeStream(), new FifoStream(), new SocketPairStream(), new ConnectedStream(ObjectKind.UnixStream, "stream", hasPath: true), new ConnectedStream(ObjectKind.Tcp, "tcp", hasPath: false)];

    private sealed class PipeStream : Streams
    {
        public override ObjectKind Kind => ObjectKind.Pipe;
        public override string IdPrefix => "pipe";

        internal override ObjectDefinition Define(string id, int n, ChoiceSource choices) =>
            new() { Id = id, Type = Type, Capacity = choices.Chance(30) ? choices.OneOf([4096, 8192, 16384]) : null };

        internal override SimObject Model(ObjectDefinition obj, string? owner, string? binder) => new PipeObject(obj.Id!, owner!, obj.Capacity ?? 65536);
        internal override int Engagement(SimObject model, SimProcess holder) => Holds(model, holder) ? 12 : 1;

        internal override Step Propose(ObjectDefinition obj, SimProcess process, SimWorld world, StepProposals steps)
        {
            var (id, choices) = (obj.Id!, steps.Choices);
            var end = process.Find(id, "write") as PipeEnd;
            switch (choices.Below(12))
            {
                case < 5:
                    // Now and then fill an empty pipe to the brim in one write, so the next write waits.
                    var capacity = new PipeBuffer(obj.Capacity ?? 65536).CapacityBytes;
                    if (end is { Buffer.Buffered: 0 } && choices.Chance(15)) return new Step { Op = Ops.Write, Object = id, Size = capacity };
                    return choices.Chance(20)
                        ? new Step { Op = Ops.Write, Object = id, Size = choices.Between(1, 3000), End = choices.Chance(5) ? "read" : null }
                        : new Step { Op = Ops.Write, Object = id, Data = steps.Data(), End = choices.Chance(5) ? "read" : null };
                case < 10:
                    return new Step { Op = Ops.Read, Object = id, Bytes = choices.Chance(20) ? 4096 : choices.Between(1, 40), End = choices.Chance(5) ? "write" : null };
                case 10:
                    return new Step { Op = Ops.Close, Object = id, End = choices.Below(3) switch { 0 => null, 1 => "read", _ => "write" } };
                default:
                    return new Step { Op = Ops.Stat, Object = id };
            }
        }
    }

    private sealed class FifoStream : Streams
    {
        public override ObjectKind Kind => ObjectKind.Fifo;
        public override string IdPrefix => "fifo";
        public override bool OpenReturnsDescriptor => true;

        internal override SimObject Model(ObjectDefinition obj, string? owner, string? binder) => new FifoObject(obj.Id!, 65536);
        internal override int Engagement(SimObject model, SimProcess holder) => Holds(model, holder) ? 12 : ((FifoObject)model).Linked ? 5 : 1;

        internal override Step Propose(ObjectDefinition obj, SimProcess process, SimWorld world, StepProposals steps)
        {
            var (id, choices) = (obj.Id!, steps.Choices);
            return choices.Below(10) switch
            {
                0 or 1 => process.EndsOf(id).Any() && choices.Chance(70) ? new Step { Op = Ops.Stat, Object = id }
                    : new Step { Op = Ops.Open, Object = id, Mode = choices.OneOf(["read", "write", "read-write"]) },
                2 => choices.Chance(10) ? new Step { Op = Ops.Remove, Object = id }
                    : choices.Chance(30) ? StatPath(obj, choices) : new Step { Op = Ops.Stat, Object = id },
                3 => choices.Chance(50)
                    ? new Step { Op = Ops.Close, Object = id, End = choices.Chance(70) ? null : choices.OneOf(["read", "write"]) }
                    : new Step { Op = Ops.Stat, Object = id },
                4 or 5 or 6 => new Step { Op = Ops.Write, Object = id, Data = steps.Data() },
                _ => new Step { Op = Ops.Read, Object = id, Bytes = choices.Between(1, 40) },
            };
        }
    }

    private sealed class SocketPairStream : Streams
    {
        public override ObjectKind Kind => ObjectKind.SocketPair;
        public override string IdPrefix => "pair";

        internal override SimObject Model(ObjectDefinition obj, string? owner, string? binder) => new SocketPairObject(obj.Id!, owner!);
        internal override int Engagement(SimObject model, SimProcess holder) => model.NextPassed(holder) is not null || model.BytesAheadOfPassed(holder) > 0 ? 40 : Holds(model, holder) ? 12 : 1;

        internal override Step Propose(ObjectDefinition obj, SimProcess process, SimWorld world, StepProposals steps)
        {
            var (id, choices) = (obj.Id!, steps.Choices);
            string? End() => choices.Below(3) switch { 0 => null, 1 => "first", _ => "second" };
            if (PassingStep(id, process, world, steps) is { } passing) return passing;
            return choices.Below(10) switch
            {
                < 4 => new Step { Op = Ops.Write, Object = id, Data = steps.Data(), End = End() },
                < 8 => new Step { Op = Ops.Read, Object = id, Bytes = choices.Between(1, 40), End = End() },
                8 => new Step { Op = Ops.Close, Object = id, End = End() },
                _ => new Step { Op = Ops.Stat, Object = id },
            };
        }
    }

    /// <summary>unix-stream and tcp: the binder accepts, the others connect; only a socket with a path can be removed.</summary>
    private sealed class ConnectedStream(ObjectKind kind, string idPrefix, bool hasPath) : Streams
    {
        public override ObjectKind Kind => kind;
        public override string IdPrefix => idPrefix;

        internal override SimObject Model(ObjectDefinition obj, string? owner, string? binder) => new StreamObject(obj.Id!, binder!, isTcp: kind == ObjectKind.Tcp);
        internal override int Engagement(SimObject model, SimProcess holder) => model.NextPassed(holder) is not null || model.BytesAheadOfPassed(holder) > 0 ? 40 : Holds(model, holder) ? 12 : 6;
        internal override Step Establish(string id) => new() { Op = Ops.Accept, Object = id };

        internal override Step Propose(ObjectDefinition obj, SimProcess process, SimWorld world, StepProposals steps)
        {
            var (id, choices) = (obj.Id!, steps.Choices);
            var stream = (StreamObject)world.Object(id);
            var hasSocket = process.Find(id, "socket") is not null;
            if (stream.Binder == process.Id && !hasSocket && choices.Chance(60)) return new Step { Op = Ops.Accept, Object = id };
            if (stream.Binder != process.Id && !hasSocket && choices.Chance(60)) return new Step { Op = Ops.Open, Object = id, Mode = "read-write" };
            if (PassingStep(id, process, world, steps) is { } passing) return passing;
            return choices.Below(10) switch
            {
                < 4 => new Step { Op = Ops.Write, Object = id, Data = steps.Data() },
                < 7 => new Step { Op = Ops.Read, Object = id, Bytes = choices.Between(1, 40) },
                7 => new Step { Op = Ops.Close, Object = id },
                _ => hasPath && choices.Chance(15) ? new Step { Op = Ops.Remove, Object = id } : new Step { Op = Ops.Stat, Object = id },
            };
        }
    }
}
