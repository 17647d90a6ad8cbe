using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Testing;

/// <summary>
/// For one mechanism, an experiment that makes every op the contract allows on it once: a root process "tour" makes
/// the object (or inherits nothing and lets the named one be made for it) and spawns a child <c>p-&lt;op&gt;</c> per op,
/// each making its one call on object "o". What the calls return does not matter; that each is made does.
/// </summary>
public static class MechanismTour
{
    public const string Root = "tour";
    public const string Object = "o";

    public static IReadOnlyList<OpSpec> OpsOn(Mechanism mechanism) =>
        [.. OpCatalog.Specs.Values.Where(s => s.ObjectTypes?.Contains(mechanism.Name) == true)];

    /// <summary>Every (mechanism, op) the contract allows.</summary>
    public static IEnumerable<(Mechanism Mechanism, OpSpec Op)> Pairs =>
        Mechanisms.All.SelectMany(m => OpsOn(m).Select(op => (m, op)));

    public static string ProcessFor(string op) => "p-" + op.ToLowerInvariant();

    public static Experiment For(Mechanism mechanism)
    {
        var ops = OpsOn(mechanism).Select(s => s.Op).ToList();
        var children = ops.Select(op => new ProcessDefinition { Id = ProcessFor(op), Parent = Root, Steps = [StepFor(op, mechanism)] });
        var root = new ProcessDefinition
        {
            Id = Root,
            Steps = [.. ops.Select(op => new Step { Op = Ops.Spawn, Process = ProcessFor(op) }), .. ops.Select(op => new Step { Op = Ops.Wait, Process = ProcessFor(op) })],
        };
        return new Experiment
        {
            Format = 1,
            Name = $"Every op on a {mechanism.Name}",
            Limits = new ExperimentLimits { TimeoutMs = 1500 },
            Objects = [new ObjectDefinition { Id = Object, Type = mechanism.Name }],
            Processes = [root, .. children],
        };
    }

    private static Step StepFor(string op, Mechanism mechanism) => op switch
    {
        Ops.Write when mechanism.Transfer == Transfer.Counter => new Step { Op = op, Object = Object, Value = 1 },
        Ops.Read when mechanism.Transfer == Transfer.Counter => new Step { Op = op, Object = Object },
        Ops.Write or Ops.Send => new Step { Op = op, Object = Object, Data = "hi" },
        Ops.Read => new Step { Op = op, Object = Object, Bytes = 4 },
        Ops.Receive => new Step { Op = op, Object = Object, Nowait = true },
        Ops.Open => new Step { Op = op, Object = Object, Mode = "read-write" },
        Ops.Store => new Step { Op = op, Object = Object, Offset = 0, Int32 = 7 },
        Ops.Load => new Step { Op = op, Object = Object, Offset = 0, Length = 4 },
        Ops.Increment => new Step { Op = op, Object = Object, Offset = 0, Times = 1 },
        // The socket passes a descriptor of itself (of its first end, if it has ends), and takes one if one is there.
        Ops.SendFd => new Step { Op = op, Object = Object, Fd = new DescriptorRef { Object = Object, End = mechanism.Ends.Count > 0 ? mechanism.Ends[0] : null } },
        Ops.ReceiveFd => new Step { Op = op, Object = Object, As = new DescriptorRef { Object = Object }, Nowait = true },
        _ => new Step { Op = op, Object = Object },
    };
}
