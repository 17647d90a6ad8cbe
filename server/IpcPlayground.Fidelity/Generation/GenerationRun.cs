using System.Globalization;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Fidelity.Generation.Mechanisms;
using IpcPlayground.Fidelity.Generation.Simulation;
using IpcPlayground.Fidelity.Traces;

namespace IpcPlayground.Fidelity.Generation;

/// <summary>One generation: the declared processes and objects, their scripts, and the moves taken so far.</summary>
internal sealed partial class GenerationRun(ChoiceSource choices, GeneratorOptions options, string name)
{
    private StepProposals? _proposals;

    /// <summary>The draws steps share, and which objects a process may name now.</summary>
    private StepProposals _propose => _proposals ??= new StepProposals(choices) { MayName = MayTouch };
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
        // A socket that can carry a descriptor is worth more with something to pass over it: mostly a pipe, made by
        // the process that binds or makes the socket, so the one that holds the socket holds the pipe too.
        if (_objects.FirstOrDefault(o => o.Mechanism!.CarriesDescriptors) is { } carrier
            && !_objects.Any(o => o.Mechanism!.Kind is ObjectKind.Pipe or ObjectKind.Fifo or ObjectKind.EventFd) && choices.Chance(75))
            _objects.Add(DeclareObject(objects + 1, GeneratedMechanisms.For(ObjectKind.Pipe), _owners.GetValueOrDefault(carrier.Id!) ?? _binders[carrier.Id!]));
        if (_turns) _objects.Add(new ObjectDefinition { Id = ExperimentGenerator.TurnQueue, Type = ObjectTypes.SysvMsgQueue });
    }

    private ObjectDefinition DeclareObject(int n, GeneratedMechanism? mechanism = null, string? owner = null)
    {
        mechanism ??= GeneratedMechanisms.Draw(choices);
        var id = mechanism.IdPrefix + n.ToString(CultureInfo.InvariantCulture);
        var someone = owner ?? _declared[choices.Below(_declared.Count)].Id;
        if (mechanism.Contract.IsInherited) _owners[id] = someone;
        if (mechanism.Contract.IsBound) _binders[id] = someone;
        return mechanism.Define(id, n, choices);
    }

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

    private SimObject SimObjectOf(ObjectDefinition obj) =>
        GeneratedMechanisms.Of(obj).Model(obj, _owners.GetValueOrDefault(obj.Id!), _binders.GetValueOrDefault(obj.Id!));

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
