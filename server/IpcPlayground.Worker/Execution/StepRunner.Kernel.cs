using IpcPlayground.Contracts.Events;
using IpcPlayground.Worker.Execution.Mechanisms;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution;

/// <summary><c>stat</c> asks the kernel for an object's state (IPC_STAT, FIONREAD, GETALL ...), as the object's mechanism reads it.</summary>
internal sealed partial class StepRunner
{
    private void Stat(WorkerMechanism mechanism, ObjectStep on, string path)
    {
        ObjectKernelState? state = null;
        var outcome = on.Call(mechanism.StatCall, () =>
        {
            state = mechanism.ReadState(on.Object, _handles, out var errno);
            return state is null ? Outcome.Failed(errno) : new Outcome(0);
        }, announce: false);
        if (outcome.Result == 0 && state is not null)
            _link.Send(new StateFrame { Object = on.Object.Id, Step = path, State = state });
    }

    /// <summary>
    /// After a step on a pipe, socket or shared memory, the kernel's view of it from this process's own handle
    /// (FIONREAD on its descriptor, IPC_STAT and a preview of its mapping), which only a holder can read undisturbed.
    /// </summary>
    private void ReportState(WorkerMechanism mechanism, PlanObject obj, string path)
    {
        if (mechanism.ReadState(obj, _handles, out _) is { } state)
            _link.Send(new StateFrame { Object = obj.Id, Step = path, State = state });
    }
}
