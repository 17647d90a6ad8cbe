using IpcPlayground.Server.Access;
using IpcPlayground.Contracts.Runs;
using IpcPlayground.Runs;
using IpcPlayground.Runs.Predictions;

namespace IpcPlayground.Server.Apis;

/// <summary>
/// Step mode and stopping: <c>POST /api/runs/{runId}/step</c> with <c>{"process": "a"}</c> lets that held process
/// take its next step; <c>/resume</c> lets every process run freely to the end; <c>/stop</c> kills the run. Predict
/// mode: <c>/answer</c> records a prediction for the open question, and the step goes once its questions are answered.
/// </summary>
public static class RunControlApi
{
    public static RouteGroupBuilder MapRunControl(this RouteGroupBuilder runs)
    {
        runs.MapPost("/{runId}/step", (string runId, StepRequest request, RunFinder finder, HttpContext context) =>
            Control(finder.FindToControl(runId, context.User), runId, control => control.Step(request.Process ?? ""), request.Process));
        runs.MapPost("/{runId}/resume", (string runId, RunFinder finder, HttpContext context) =>
            Control(finder.FindToControl(runId, context.User), runId, control => control.Resume()));
        runs.MapPost("/{runId}/answer", async (string runId, AnswerRequest request, RunFinder finder, RunPublisher publisher, HttpContext context) =>
            finder.FindToControl(runId, context.User) is { } run ? Answered(run, runId, await publisher.AnswerAsync(run, request)) : Problems.UnknownRun(runId));
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
            ControlOutcome.Scheduled => Conflict("The server schedules a predicted run",
                $"run '{runId}' is in predict mode: answer its open question (POST /api/runs/{runId}/answer) and the step goes; {run.Predictor?.OpenDetail()}"),
            _ => Conflict("That process is not held", NotHeldDetail(run, process)),
        };
    }

    private static IResult Answered(Run run, string runId, AnswerResult result) => result.Status switch
    {
        AnswerStatus.Recorded => TypedResults.Accepted($"/api/runs/{runId}"),
        AnswerStatus.NotPredicting => Conflict("Not in predict mode", $"run '{runId}' was started without ?mode=predict, so it asks nothing"),
        AnswerStatus.Ended => Conflict("The run has ended", $"run '{runId}' is over; its questions can no longer be answered"),
        AnswerStatus.UnknownAbout => ExperimentBody.Invalid([new("about", result.Detail!)], "The answer is not valid"),
        AnswerStatus.NotOffered => ExperimentBody.Invalid([new("choice", result.Detail!)], "The answer is not valid"),
        _ => Conflict("Not the open question", result.Detail!),
    };

    private static string NotHeldDetail(Run run, string? process)
    {
        var held = run.Control.Held.Select(p => p.Process).ToList();
        var who = string.IsNullOrEmpty(process) ? "no process was named" : $"process '{process}' is not waiting for a step (it is running, blocked in a call, or finished)";
        return held.Count == 0 ? $"{who}; no process is held right now" : $"{who}; held now: {string.Join(", ", held)}";
    }

    private static IResult Conflict(string title, string detail) => Problems.Conflict(title, detail);
}
