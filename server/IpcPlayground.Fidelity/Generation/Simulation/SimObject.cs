using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Fidelity.Generation.Simulation;

/// <summary>
/// What the simulator knows of one object of the experiment, and the kernel's rules for the calls a step makes on it:
/// <see cref="SimWorld"/> hands each op on an object to the object, so a new type of object brings its rules with it.
/// A type overrides the ops it takes; the defaults are what the simulator does with an op the type does not take
/// (the generator never proposes one). What sets one type apart from another that shares its rules is a property of
/// the object, not a test of its kind.
/// </summary>
internal abstract class SimObject(string id)
{
    public string Id { get; } = id;

    /// <summary>Before a process's first step: what it makes of the object (a pipe it owns) or binds (a socket).</summary>
    public virtual void Begin(SimProcess process)
    {
    }

    public virtual void Open(SimWorld world, SimProcess process, Step step, SimOutcome outcome) => outcome.Refuse($"open of a {step.Object}");

    public virtual void Accept(SimWorld world, SimProcess process, Step step, SimOutcome outcome) =>
        throw new InvalidOperationException($"{Id} has no listener to accept on");

    public virtual void Write(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        // EBADF: the process holds no end of it to write to
    }

    public virtual void Read(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        // EBADF
    }

    /// <summary>close, of one end or (naming none) of every end the process holds.</summary>
    public virtual void Close(SimWorld world, SimProcess process, Step step, SimOutcome outcome) => world.CloseEnds(process, step, outcome);

    public virtual void Send(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
    }

    public virtual void Receive(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
    }

    /// <summary>store, load, increment.</summary>
    public virtual void AccessMemory(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
    }

    /// <summary>semWait, semPost.</summary>
    public virtual void Semaphore(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
    }

    public virtual void Remove(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
    }

    /// <summary>What becomes of the object once descriptions closed (a step's close, a process's end), beyond the counts.</summary>
    public virtual void AfterClosing(SimWorld world, SimOutcome outcome)
    {
    }
}
