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

    public virtual void SendFd(SimWorld world, SimProcess process, Step step, SimOutcome outcome) => outcome.Refuse($"sendFd over {Id}");

    /// <summary>Whether the process has a socket of this object a sendFd would go over to someone (a Unix socket's; none for other objects).</summary>
    public virtual bool Carries(SimWorld world, SimProcess process) => false;

    /// <summary>The descriptor a receiveFd by the process would take now, if the next message or byte carries one.</summary>
    public virtual PassedDescriptor? NextPassed(SimProcess process) => null;

    /// <summary>On a byte stream the process reads: the bytes ahead of a passed descriptor, which a read must take first (null: none passed).</summary>
    public virtual int? BytesAheadOfPassed(SimProcess process) => null;

    /// <summary>Descriptors on their way to a receiving socket among <paramref name="held"/>, which keep them open (beyond a connection's bytes).</summary>
    public virtual IEnumerable<Description> Travelling(IReadOnlyCollection<Description> held) => [];

    public virtual void ReceiveFd(SimWorld world, SimProcess process, Step step, SimOutcome outcome) => outcome.Refuse($"receiveFd on {Id}");

    /// <summary>What becomes of the object once descriptions closed (a step's close, a process's end), beyond the counts.</summary>
    public virtual void AfterClosing(SimWorld world, SimOutcome outcome)
    {
    }
}
