using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Fidelity.Generation.Simulation;
using IpcPlayground.Fidelity.Generation.Simulation.Objects;

namespace IpcPlayground.Fidelity.Generation.Mechanisms;

/// <summary>
/// One mechanism as the fidelity oracle knows it: how the generator declares an object of it, which simulated object
/// models it, which steps it proposes on it, and what its trace shows. Everything here that draws from the
/// <see cref="ChoiceSource"/> must keep the order and number of its draws: saved seeds replay only while they stay.
/// A new mechanism is a class in its family's file (<see cref="Streams"/>, <see cref="Queues"/> ...).
/// </summary>
public abstract class GeneratedMechanism
{
    public abstract ObjectKind Kind { get; }

    /// <summary>
    /// The generator's own short name for the objects it declares (<c>pair1</c>, <c>msgq2</c>), which says what the
    /// object is: a seed makes the same experiment only while these stay.
    /// </summary>
    public abstract string IdPrefix { get; }

    /// <summary>Whether the trace reads an open's result as <c>fd</c>: a descriptor the two sides need not share.</summary>
    public virtual bool OpenReturnsDescriptor => false;

    /// <summary>The mechanism as the contract describes it: its <c>type</c>, how processes reach it.</summary>
    public Mechanism Contract => Contracts.Experiments.Mechanisms.Of(Kind);

    protected string Type => Contract.Name;

    /// <summary>The n-th object's definition, with the fields of this type drawn (none, unless the type says).</summary>
    internal virtual ObjectDefinition Define(string id, int n, ChoiceSource choices) => new() { Id = id, Type = Type };

    /// <summary>
    /// The simulated object, as it stands before any process starts. <paramref name="owner"/> is the process that
    /// makes an anonymous object, <paramref name="binder"/> the one that binds a socket.
    /// </summary>
    internal abstract SimObject Model(ObjectDefinition obj, string? owner, string? binder);

    /// <summary>A step on the object by <paramref name="process"/>: an op this type takes, its fields mostly sensible.</summary>
    internal abstract Step Propose(ObjectDefinition obj, SimProcess process, SimWorld world, StepProposals steps);

    /// <summary>How much the process has to do with the object, as a weight among the objects it may name.</summary>
    internal abstract int Engagement(SimObject model, SimProcess holder);

    /// <summary>An open of a System V or POSIX object by its key or name, now and then without create or exclusive.</summary>
    private protected static Step OpenByName(string id, string mode, ChoiceSource choices) => choices.Below(8) switch
    {
        0 => new Step { Op = Ops.Open, Object = id, Mode = mode, Create = false },
        1 => new Step { Op = Ops.Open, Object = id, Mode = mode, Exclusive = true },
        _ => new Step { Op = Ops.Open, Object = id, Mode = mode },
    };

    /// <summary>A stat of the object's path (lstat: a fifo, or missing once removed); now and then of a path that never was.</summary>
    private protected static Step StatPath(ObjectDefinition obj, ChoiceSource choices) => new()
    {
        Op = Ops.Stat, Path = choices.Chance(15) ? "/sandbox/nothing-here" : IpcPlayground.Experiments.ObjectDefaults.Resolve(obj, 0).Path,
    };

    /// <summary>
    /// On a Unix socket: a receiveFd when what the process would receive next carries a descriptor (as what it is),
    /// else now and then a sendFd of a pipe's, FIFO's or eventfd's descriptor the process may name; null for neither.
    /// Draws nothing unless the process has something to pass.
    /// </summary>
    internal static Step? PassingStep(string id, SimProcess process, SimWorld world, StepProposals steps)
    {
        var model = world.Object(id);
        if (model.NextPassed(process) is { } next)
            return new Step { Op = Ops.ReceiveFd, Object = id, As = Reference(world, next.Object, next.End) };
        if (model.BytesAheadOfPassed(process) is > 0 and var ahead)
            return new Step { Op = Ops.Read, Object = id, Bytes = ahead };
        if (!model.Carries(world, process)) return null;
        var passable = process.Fds.Where(f => f.Value is PipeEnd or CounterEnd).Select(f => f.Key)
            .Where(key => steps.MayName(process, key[..key.LastIndexOf('.')])).Order(StringComparer.Ordinal).ToList();
        if (passable.Count == 0 || !steps.Choices.Chance(40)) return null;
        var key = steps.Choices.OneOf(passable);
        var dot = key.LastIndexOf('.');
        return new Step { Op = Ops.SendFd, Object = id, Fd = Reference(world, key[..dot], key[(dot + 1)..]) };
    }

    /// <summary>A descriptor as a step names it: with its end for an object with ends, without for one that has one.</summary>
    private static DescriptorRef Reference(SimWorld world, string objectId, string end) =>
        new() { Object = objectId, End = world.Object(objectId) is CounterObject ? null : end };

    /// <summary>Whether the process holds an end or a socket of the object (of those that have ends).</summary>
    private protected static bool Holds(SimObject model, SimProcess holder) => holder.EndsOf(model.Id).Any();

    /// <summary>The step by which the binder of a socket first takes a peer (accept, or a receive).</summary>
    internal virtual Step Establish(string id) => throw new InvalidOperationException($"a {Type} is not bound by a process");

    /// <summary>Whether a process waits in a call on it that its removal can fail (EIDRM).</summary>
    internal virtual bool RemovalFailsWaiters => false;

    /// <summary>A step that waits on the object for what nobody does: only its removal (EIDRM) or a signal ends the wait.</summary>
    internal virtual Step WaitForRemoval(ObjectDefinition obj, ChoiceSource choices) =>
        throw new InvalidOperationException($"a {Type}'s removal fails no waiting call");
}
