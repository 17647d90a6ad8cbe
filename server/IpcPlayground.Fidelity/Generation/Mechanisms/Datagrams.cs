using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Fidelity.Generation.Simulation;
using IpcPlayground.Fidelity.Generation.Simulation.Objects;

namespace IpcPlayground.Fidelity.Generation.Mechanisms;

/// <summary>Datagram sockets: one process binds and receives, the others send to its path.</summary>
internal abstract class Datagrams : GeneratedMechanism
{
    public static IReadOnlyList<GeneratedMechanism> All { get; } = [new UnixDatagram()];

    private sealed class UnixDatagram : Datagrams
    {
        public override ObjectKind Kind => ObjectKind.UnixDgram;
        public override string IdPrefix => "dgram";

        internal override SimObject Model(ObjectDefinition obj, string? owner, string? binder) => new DatagramObject(obj.Id!, binder!);
        internal override int Engagement(SimObject model, SimProcess holder) => Holds(model, holder) ? 12 : 6;
        internal override Step Establish(string id) => new() { Op = Ops.Receive, Object = id, Nowait = true };

        internal override Step Propose(ObjectDefinition obj, SimProcess process, SimWorld world, StepProposals steps)
        {
            var (id, choices) = (obj.Id!, steps.Choices);
            var datagram = (DatagramObject)world.Object(id);
            if (datagram.Binder == process.Id)
                return choices.Below(5) switch
                {
                    0 or 1 or 2 => new Step { Op = Ops.Receive, Object = id, Nowait = steps.Flag(40), MaxBytes = choices.Chance(20) ? choices.Between(1, 10) : null },
                    3 => new Step { Op = Ops.Stat, Object = id },
                    _ => choices.Chance(50) ? new Step { Op = Ops.Remove, Object = id } : new Step { Op = Ops.Close, Object = id },
                };
            return choices.Below(5) switch
            {
                0 or 1 or 2 => new Step { Op = Ops.Send, Object = id, Data = steps.Data(), Nowait = steps.Flag(20) },
                3 => new Step { Op = Ops.Open, Object = id, Mode = "write" },
                _ => choices.Chance(50) ? new Step { Op = Ops.Stat, Object = id } : new Step { Op = Ops.Close, Object = id },
            };
        }
    }
}
