using IpcPlayground.Server.Access;
using IpcPlayground.Contracts.Runs;
using IpcPlayground.Runs;

namespace IpcPlayground.Server.Apis;

/// <summary>
/// Step mode and stopping: <c>POST /api/runs/{runId}/step</c> with <c>{"process": "a"}</c> lets that held process
/// take its next step; <c>/resume</c> lets every process run freely to the end; <c>/stop</c> kills the run.
/// </summary>
public static class RunControlApi
{
    public static RouteGroupBuilder MapRunControl(this RouteGroupBuilder runs)
    {
        runs.MapPost("/{runId}/step", (string runId, StepRequest request, RunFinder finder, HttpContext context) =>
            Control(finder.FindToControl(runId, context.User), runId, control => control.Step(request.Process ?? ""), request.Process));
        runs.MapPost("/{runId}/resume", (string runId, RunFinder finder, HttpContext context) =>
            Control(finder.FindToControl(runId, context.User), runId, control => control.Resume()));
        runs.MapPost("/{runId}/stop", (string runId, RunFinder finder, HttpContext context) =>
            Control(finder.FindToControl(runId, context.User), runId, control => control.Stop()));
        return runs;
    }

    private static IResult Control(Run? run, string runId, Func<RunControl, ControlOutcome> command, string? process = null)
    {
        if (run is null)
            return Problems.UnknownRun(runId);
        return command(run.Control) switch
        {
            ControlOutcome.Sent => TypedResults.Accepted($"/api/runs/{runId}"),
            ControlOutcome.Ended => Conflict("The run has ended", $"run '{runId}' is over; start it again to step it"),
            ControlOutcome.NotStepMode => Conflict("Not in step mode", $"run '{runId}' was started without ?mode=step, so its processes are not held"),
            _ => Conflict("That process is not held", NotHeldDetail(run, process)),
        };
    }

    private static string NotHeldDetail(Run run, string? process)
    {
        var held = run.Control.Held.Select(p => p.Process).ToList();
        var who = string.IsNullOrEmpty(process) ? "no process was named" : $"process '{process}' is not waiting for a step (it is running, blocked in a call, or finished)";
        return held.Count == 0 ? $"{who}; no process is held right now" : $"{who}; held now: {string.Join(", ", held)}";
    }

    private static IResult Conflict(string title, string detail) => Problems.Conflict(title, detail);
}
