using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Runs;
using IpcPlayground.Runs;
using IpcPlayground.Runs.Predictions;

namespace IpcPlayground.UnitTests.Completeness;

/// <summary>The question, answer and outcome a <see cref="Predictor"/> makes of a held read, an answer and the read's blocked event.</summary>
internal static class PredictorEvents
{
    public static RunEvent Of(EventKind kind)
    {
        var experiment = ExperimentReader.Read("""
            { "format": 1, "objects": [ { "id": "p", "type": "pipe" } ],
              "processes": [ { "id": "a", "steps": [ { "op": "read", "object": "p", "bytes": 4 } ] } ] }
            """).Experiment!;
        var control = new RunControl(RunModes.Predict, TimeProvider.System);
        var predictor = new Predictor(experiment, control);
        var held = new PausedEvent { Seq = 3, Process = "a", Pid = 2, Op = Ops.Read, Object = "p", Step = "0" };
        RunEvent[] before = [new RunStartEvent { Seq = 1 }, new ProcessStartEvent { Seq = 2, Process = "a", Pid = 2 }, held];
        control.Observe(before);
        predictor.Observe(before);
        var question = predictor.Advance().Single();
        if (kind == EventKind.Question) return question;
        var answer = predictor.Answer(new AnswerRequest("a", "outcome", "blocks")).Event!;
        if (kind == EventKind.Answer) return answer;
        predictor.Advance();
        return predictor.Observe([new BlockedEvent { Seq = 6, Process = "a", Pid = 2, Op = Ops.Read, Object = "p", Step = "0", Call = "read" }]).Single();
    }
}
