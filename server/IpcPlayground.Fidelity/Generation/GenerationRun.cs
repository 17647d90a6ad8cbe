using System.Globalization;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Fidelity.Generation.Simulation;
using IpcPlayground.Fidelity.Traces;

namespace IpcPlayground.Fidelity.Generation;

/// <summary>One generation: the declared processes and objects, their scripts, and the moves taken so far.</summary>
internal sealed partial class GenerationRun(ChoiceSource choices, GeneratorOptions options, string name)
{
    private readonly StepProposals _propose = new(choices);
    private readonly List<(string Id, string? Parent)> _declared = [];
    private readonly List<ObjectDefinition> _objects = [];
    private readonly Dictionary<string, Script> _scripts = new(StringComparer.Ordinal);
    private readonly List<(string Actor, Step? Step, bool Margin)> _history = [];
    private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _binders = new(StringComparer.Ordinal);
    private readonly List<(string Process, Step Step, string Field)> _racy = [];
    private SimWorld _world = new();
    private bool _turns;

    public GeneratedExperiment Generate()
    {
        Declare();
        _world = Rebuild(_history);
        StartRoots();
        var moves = choices.Between(4, options.MaxMoves);
        for (var i = 0; i < moves && Move(preferWaking: false); i++) { }
        Finish();
        return Build();
    }

    // ---- declarations ----

    private void Declare()
    {
        var processes = choices.Between(1, options.MaxProcesses);
        for (var i = 0; i < processes; i++)
        {
            var id = ((char)('a' + i)).ToString();
            var parent = i == 0 || choices.Chance(35) ? null : _declared[choices.Below(i)].Id;
            _declared.Add((id, parent));
            _scripts[id] = new Script(id, parent);
        }
        _turns = processes > 1;
        var objects = choices.Between(1, options.MaxObjects);
        for (var i = 0; i < objects; i++) _objects.Add(DeclareObject(i + 1));
        if (_turns) _objects.Add(new ObjectDefinition { Id = ExperimentGenerator.TurnQueue, Type = ObjectTypes.SysvMsgQueue });
    }

    private ObjectDefinition DeclareObject(int n)
    {
        var mechanism = choices.OneOf(Mechanisms.All);
        var type = mechanism.Name;
        // Ids say what the object is, in the generator's own short names (seeds reproduce only while these stay).
        var id = mechanism.Kind switch
        {
            ObjectKind.Pipe or ObjectKind.Fifo or ObjectKind.Tcp => mechanism.IdPrefix, ObjectKind.SocketPair => "pair", ObjectKind.UnixStream => "stream",
            ObjectKind.UnixDgram => "dgram", ObjectKind.SysvMsgQueue => "msgq", ObjectKind.PosixMsgQueue => "mq",
            ObjectKind.SysvShm => "shm", ObjectKind.PosixShm => "pshm", ObjectKind.SysvSem => "sem", ObjectKind.PosixSem => "psem",
        } + n.ToString(CultureInfo.InvariantCulture);
        var someone = _declared[choices.Below(_declared.Count)].Id;
        if (mechanism.IsInherited) _owners[id] = someone;
        if (mechanism.IsBound) _binders[id] = someone;
        return mechanism.Kind switch
        {
            ObjectKind.Pipe => new ObjectDefinition { Id = id, Type = type, Capacity = choices.Chance(30) ? choices.OneOf([4096, 8192, 16384]) : null },
            ObjectKind.SysvMsgQueue => new ObjectDefinition { Id = id, Type = type, Key = Key(n) },
            ObjectKind.SysvShm => new ObjectDefinition { Id = id, Type = type, Key = Key(n), Size = choices.Chance(50) ? choices.Between(8, 256) : null },
            ObjectKind.SysvSem => new ObjectDefinition
            {
                Id = id, Type = type, Key = Key(n), Count = choices.Chance(50) ? choices.Between(1, 3) : null,
                Initial = choices.Chance(60) ? choices.Between(0, 3) : null,
            },
            ObjectKind.PosixMsgQueue => new ObjectDefinition
            {
                Id = id, Type = type, MaxMessages = choices.Between(1, 5), MessageSize = choices.OneOf([16, 32, 64]),
            },
            ObjectKind.PosixShm => new ObjectDefinition { Id = id, Type = type, Size = choices.Chance(50) ? choices.Between(8, 256) : null },
            ObjectKind.PosixSem => new ObjectDefinition { Id = id, Type = type, Initial = choices.Chance(60) ? choices.Between(0, 3) : null },
            ObjectKind.Fifo or ObjectKind.SocketPair or ObjectKind.UnixStream or ObjectKind.UnixDgram or ObjectKind.Tcp => new ObjectDefinition { Id = id, Type = type },
        };
    }

    private IpcKey? Key(int n) => choices.Below(4) switch
    {
        0 => null,
        1 => IpcKey.Private,
        2 => new IpcKey { Value = 0x1000 + n },
        _ => new IpcKey { Ftok = new FtokKey { Path = $"/sandbox/key{n}", Proj = choices.Between(1, 255) } },
    };

    /// <summary>The simulated world after the given moves, from the start: how a refused move is taken back.</summary>
    private SimWorld Rebuild(List<(string Actor, Step? Step, bool Margin)> history)
    {
        var world = new SimWorld { TurnObject = ExperimentGenerator.TurnQueue };
        foreach (var obj in _objects) world.AddObject(SimObjectOf(obj));
        foreach (var (id, _) in _declared.Where(p => p.Parent is null)) world.StartRoot(id);
        foreach (var (actor, step, margin) in history)
        {
            world.MarginElapsed = margin;
            var outcome = step is null ? world.End(actor) : world.Execute(actor, step);
            world.MarginElapsed = false;
            if (outcome.Unpredictable is { } reason) throw new InvalidOperationException($"replaying an accepted move failed: {reason}");
        }
        return world;
    }

    private SimObject SimObjectOf(ObjectDefinition obj)
    {
        var id = obj.Id!;
        var kind = obj.Mechanism!.Kind;
        return kind switch
        {
            ObjectKind.Pipe or ObjectKind.SocketPair => new AnonymousObject(id, kind, _owners[id], obj.Capacity ?? 65536),
            ObjectKind.Fifo => new FifoObject(id, 65536),
            ObjectKind.UnixStream or ObjectKind.Tcp => new StreamObject(id, kind, _binders[id]),
            ObjectKind.UnixDgram => new DatagramObject(id, _binders[id]),
            ObjectKind.PosixMsgQueue => new PosixQueueObject(id, obj.MaxMessages ?? 10, obj.MessageSize ?? 1024),
            ObjectKind.PosixShm => new PosixMemoryObject(id, obj.Size ?? ObjectSizeDefaults.SharedMemoryBytes),
            ObjectKind.PosixSem => new PosixSemaphoreObject(id, obj.Initial ?? 1),
            ObjectKind.SysvMsgQueue or ObjectKind.SysvShm or ObjectKind.SysvSem => Sysv(obj),
        };
    }

    private static SysvObject Sysv(ObjectDefinition obj)
    {
        var privateKey = obj.Key is null or { IsPrivate: true };
        var sysv = new SysvObject(obj.Id!, obj.Mechanism!.Kind, privateKey);
        var first = new SysvInstance
        {
            Values = Enumerable.Repeat(obj.Initial ?? 1, obj.Count ?? ObjectSizeDefaults.SemaphoreCount).ToArray(),
            Memory = new byte[obj.Size ?? ObjectSizeDefaults.SharedMemoryBytes],
        };
        sysv.Instances.Add(first);
        if (!privateKey) sysv.Keyed = first;
        return sysv;
    }

    /// <summary>Every root but the first waits for its turn from the start.</summary>
    private void StartRoots()
    {
        var waiting = _declared.Where(p => p.Parent is null).Skip(1).Select(p => (p.Id, (Step?)TakeTurn(p.Id), false)).ToList();
        if (waiting.Count > 0 && !Apply(waiting)) throw new InvalidOperationException("the roots could not wait for their turns");
    }

    private Step TakeTurn(string process) =>
        new() { Op = Ops.Receive, Object = ExperimentGenerator.TurnQueue, Type = Number(process) };

    private Step GiveTurn(string process) =>
        new() { Op = Ops.Send, Object = ExperimentGenerator.TurnQueue, Data = ".", Type = Number(process) };

    private int Number(string process) => _declared.FindIndex(d => d.Id == process) + 1;

    // ---- the experiment ----

    private GeneratedExperiment Build()
    {
        // Children never spawned stay in: a signal to one fails with ESRCH, a wait for one with ECHILD.
        var experiment = new Experiment
        {
            Format = 1,
            Name = name,
            Description = "Made by the fidelity oracle's generator: processes take turns through the queue 'turn', so every step has one outcome.",
            Limits = new ExperimentLimits { TimeoutMs = options.TimeoutMs },
            Objects = _objects,
            Processes = _declared.Select(d => new ProcessDefinition { Id = d.Id, Parent = d.Parent, Steps = _scripts[d.Id].Steps }).ToList(),
        };
        var errors = ExperimentValidator.Validate(experiment);
        if (errors.Count > 0)
            throw new InvalidOperationException("the generator made an invalid experiment: " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}")));
        var mask = new TraceMask();
        foreach (var (process, step, field) in _racy)
            if (_scripts[process].Paths.TryGetValue(step, out var path)) mask.Step(process, path, field);
        return new GeneratedExperiment(experiment, choices.Drawn.ToList(), mask);
    }
}
