using System.Text;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Experiments;

/// <summary>The settings a plan takes from the server's configuration.</summary>
public sealed record PlanSettings(
    int DefaultTimeoutMs, int MaxTimeoutMs, int BlockedAfterMs, int ReorderWindowMs,
    int CpuSecondsPerProcess = 10, int OpenFiles = 256, long PosixQueueBytes = 512 << 10, bool Seccomp = true);

/// <summary>Turns a valid experiment into the plan the supervisor executes.</summary>
public static class RunPlanner
{
    public static RunPlan Plan(string runId, Experiment experiment, PlanSettings settings)
    {
        var processes = experiment.Processes ?? [];
        var objects = experiment.Objects ?? [];
        var parents = processes.ToDictionary(p => p.Id!, p => p.Parent, StringComparer.Ordinal);
        var users = ProcessTree.ObjectUsers(experiment);

        // An anonymous object is made by the nearest common ancestor of the processes that use it, before that
        // process's first step, so every user inherits it through spawn.
        var creates = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var obj in objects.Where(o => ObjectTypes.IsInherited(o.Type!)))
        {
            var owner = users.TryGetValue(obj.Id!, out var set) ? ProcessTree.LowestCommonAncestor(set, parents) : null;
            if (owner is null) continue;
            if (!creates.TryGetValue(owner, out var list)) creates[owner] = list = [];
            list.Add(obj.Id!);
        }

        var mechanisms = objects.ToDictionary(o => o.Id!, o => o.Mechanism!, StringComparer.Ordinal);
        var binds = SocketRules.Binders(experiment)
            .GroupBy(p => p.Value, p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.ToList(), StringComparer.Ordinal);

        return new RunPlan
        {
            RunId = runId,
            TimeoutMs = Math.Min(experiment.Limits?.TimeoutMs ?? settings.DefaultTimeoutMs, settings.MaxTimeoutMs),
            BlockedAfterMs = settings.BlockedAfterMs,
            ReorderWindowMs = settings.ReorderWindowMs,
            CpuSecondsPerProcess = settings.CpuSecondsPerProcess,
            OpenFiles = settings.OpenFiles,
            PosixQueueBytes = settings.PosixQueueBytes,
            Seccomp = settings.Seccomp,
            Objects = objects.Select((o, i) => ObjectDefaults.Resolve(o, i)).ToList(),
            Processes = processes.Select(p => new PlanProcess
            {
                Id = p.Id!,
                Parent = p.Parent,
                Creates = creates.GetValueOrDefault(p.Id!) ?? [],
                Binds = binds.GetValueOrDefault(p.Id!),
                Steps = (p.Steps ?? []).Select(s => ToPlanStep(s, mechanisms, experiment)).ToList(),
            }).ToList(),
        };
    }

    /// <summary>A poll entry on a pipe or FIFO that names no end watches the read end for in, the write end for out alone.</summary>
    private static PollTarget WithEnd(PollTarget target, Mechanism mechanism) =>
        target.End is null && mechanism.Ends.Contains("read")
            ? target with { End = target.Events?.Contains(PollEvents.In) == true ? "read" : "write" }
            : target;

    private static PlanStep ToPlanStep(Step step, IReadOnlyDictionary<string, Mechanism> mechanisms, Experiment experiment) => new()
    {
        Op = step.Op!,
        Object = step.Object,
        Data = step.Data is null ? null : Encoding.UTF8.GetBytes(step.Data),
        Size = step.Size,
        End = step.End,
        Bytes = step.Bytes,
        Ms = step.Ms,
        Target = step.Process,
        Code = step.Code,
        Times = step.Times,
        Steps = step.Steps?.Select(s => ToPlanStep(s, mechanisms, experiment)).ToList(),
        Mode = step.Mode,
        Type = step.Type,
        Priority = step.Priority,
        MaxBytes = step.MaxBytes,
        Nowait = step.Nowait,
        Offset = step.Offset,
        Int32 = step.Int32,
        Length = step.Length,
        Atomic = step.Atomic,
        Index = step.Index,
        Count = step.Count,
        Undo = step.Undo,
        Value = step.Value,
        Flags = step.Flags,
        FaultKind = step.Kind,
        Path = step.Path,
        Fd = step.Fd,
        Program = step.Program is { } program ? ProgramPaths.Of(program) : null,
        Args = step.Args,
        Stdin = step.Stdin,
        Stdout = step.Stdout,
        As = step.As is { } received ? received with { End = DescriptorPassing.ReceivedEnd(experiment, received) } : null,
        PollTargets = step.Objects?.Select(t => WithEnd(t, mechanisms[t.Object!])).ToList(),
        Open = step.Op == Ops.Open && step.Object is { } id && mechanisms[id] is { IsNamedIpc: true } m ? OpenFlags.Of(step, m) : null,
        Signal = step.Signal is null ? null : SignalNames.Numbers[step.Signal],
        Signals = step.Signals?.Select(s => SignalNames.Numbers[s]).ToList(),
        Action = step.Action,
        TimeoutMs = step.TimeoutMs,
    };
}
