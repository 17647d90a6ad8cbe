using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Fidelity.Generation.Simulation;
using IpcPlayground.Fidelity.Generation.Simulation.Objects;

namespace IpcPlayground.Fidelity.Generation.Mechanisms;

/// <summary>
/// Message sockets: a datagram socket one process binds and receives on, the others sending to its path; a seqpacket
/// socket, connected like a stream but keeping each send one message.
/// </summary>
internal abstract class Datagrams : GeneratedMechanism
{
    public static IReadOnlyList<GeneratedMechanism> All { get; } = [new UnixDatagram(), new UnixSeqpacket()];

    private sealed class UnixDatagram : Datagrams
    {
        public override ObjectKind Kind => ObjectKind.UnixDgram;
        public override string IdPrefix => "dgram";

        internal override SimObject Model(ObjectDefinition obj, string? owner, string? binder) => new DatagramObject(obj.Id!, binder!);
        internal override int Engagement(SimObject model, SimProcess holder) => model.NextPassed(holder) is not null ? 40 : Holds(model, holder) ? 12 : 6;
        internal override Step Establish(string id) => new() { Op = Ops.Receive, Object = id, Nowait = true };

        internal override Step Propose(ObjectDefinition obj, SimProcess process, SimWorld world, StepProposals steps)
        {
            var (id, choices) = (obj.Id!, steps.Choices);
            var datagram = (DatagramObject)world.Object(id);
            if (PassingStep(id, process, world, steps) is { } passing) return passing;
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

    private sealed class UnixSeqpacket : Datagrams
    {
        public override ObjectKind Kind => ObjectKind.UnixSeqpacket;
        public override string IdPrefix => "packets";

        internal override SimObject Model(ObjectDefinition obj, string? owner, string? binder) => new SeqpacketObject(obj.Id!, binder!);
        internal override int Engagement(SimObject model, SimProcess holder) => model.NextPassed(holder) is not null ? 40 : Holds(model, holder) ? 12 : 6;
        internal override Step Establish(string id) => new() { Op = Ops.Accept, Object = id };

        internal override Step Propose(ObjectDefinition obj, SimProcess process, SimWorld world, StepProposals steps)
        {
            var (id, choices) = (obj.Id!, steps.Choices);
            var binder = ((SeqpacketObject)world.Object(id)).Binder == process.Id;
            var hasSocket = process.Find(id, ListeningSocketObject.SocketEndName) is not null;
            if (binder && !hasSocket && choices.Chance(60)) return new Step { Op = Ops.Accept, Object = id };
            if (!binder && !hasSocket && choices.Chance(60)) return new Step { Op = Ops.Open, Object = id, Mode = "read-write" };
            if (PassingStep(id, process, world, steps) is { } passing) return passing;
            return choices.Below(10) switch
            {
                < 4 => new Step { Op = Ops.Send, Object = id, Data = steps.Data(), Nowait = steps.Flag(20) },
                < 7 => new Step { Op = Ops.Receive, Object = id, Nowait = steps.Flag(30), MaxBytes = choices.Chance(30) ? choices.Between(1, 10) : null },
                7 => new Step { Op = Ops.Close, Object = id },
                _ => choices.Chance(15) ? new Step { Op = Ops.Remove, Object = id } : new Step { Op = Ops.Stat, Object = id },
            };
        }

        /// <summary>
        /// The kernel's rules for it: connected and accepted as a stream is; a receive takes one whole message (what
        /// does not fit is lost), or returns 0 once the peer is gone; a send after that fails with EPIPE — without
        /// SIGPIPE, unlike a stream's.
        /// </summary>
        private sealed class SeqpacketObject(string id, string binder) : ListeningSocketObject(id, binder)
        {
            /// <summary>net.unix.max_dgram_qlen: past it a sender waits; the generator stays well below.</summary>
            private const int QueueLimit = 8;

            public override void Send(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
            {
                var data = SimWorld.Bytes(step);
                if (process.Find(Id, SocketEndName) is not SocketEnd end) return; // EBADF
                if (!world.PeerHeld(end)) return; // EPIPE
                if (data.Length == 0 || end.Peers.Count >= QueueLimit)
                {
                    outcome.Refuse(data.Length == 0 ? "a zero-length message" : "a message to a peer whose queue is full");
                    return;
                }
                end.Peers.Add(data);
            }

            public override void Receive(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
            {
                if (process.Find(Id, SocketEndName) is not SocketEnd end) return; // EBADF
                if (end.Mine.Count > 0 || !world.PeerHeld(end))
                {
                    TakeMessage(end);
                    return;
                }
                if (step.Nowait == true) return; // EAGAIN
                outcome.Blocked = true;
                process.Blocked = new BlockedCall(Id, step, _ =>
                {
                    if (end.Mine.Count == 0 && world.PeerHeld(end)) return false;
                    TakeMessage(end);
                    return true;
                });
            }

            /// <summary>One message of one byte carrying the descriptor; EPIPE (no SIGPIPE) once the peer is gone.</summary>
            public override void SendFd(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
            {
                if (process.Find(Id, SocketEndName) is not SocketEnd end) return; // EBADF
                if (StreamSocketBytes.HeldPassed(process, step) is not { } passed) return; // EBADF
                if (!world.PeerHeld(end)) return; // EPIPE
                if (end.Peers.Count >= QueueLimit)
                {
                    outcome.Refuse("a message to a peer whose queue is full");
                    return;
                }
                end.Peers.Add((byte)'F', passed);
            }

            /// <summary>One whole message (cut to its first byte), and the descriptor it carried.</summary>
            public override void ReceiveFd(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
            {
                if (process.Find(Id, SocketEndName) is not SocketEnd end) return; // EBADF
                StreamSocketBytes.ReceiveDescriptor(process, step, outcome, () => end.Mine.Count > 0 || !world.PeerHeld(end), end.Mine.TakeMessage);
            }

            public override bool Carries(SimWorld world, SimProcess process) => process.Find(Id, SocketEndName) is SocketEnd;

            public override PassedDescriptor? NextPassed(SimProcess process) =>
                process.Find(Id, SocketEndName) is SocketEnd end ? end.Mine.FirstPassed : null;

            private static void TakeMessage(SocketEnd end)
            {
                if (end.Mine.Count > 0) end.Mine.Read(end.Mine.First);
            }
        }
    }
}
