using Bunit;
using IpcPlayground.Client.Components.Composer;
using IpcPlayground.Client.Services.Composer;
using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.ClientTests;

/// <summary>A step's form offers only the fields that apply to the type of its object, so it cannot compose a step the validator refuses.</summary>
public sealed class StepFieldsByObjectTests : BunitContext
{
    private static ComposerState WithObjects(params string[] types)
    {
        var state = new ComposerState(ExperimentJson.Write(ExperimentEdits.Blank));
        foreach (var type in types)
            state.Edit(x => ExperimentEdits.AddObject(x, type));
        return state;
    }

    private static IEnumerable<string?> FieldsShown(IRenderedComponent<ExperimentComposer> cut) =>
        cut.FindAll("[data-testid=step-row][data-path='processes[0].steps[0]'] [data-testid=step-field]").Select(f => f.GetAttribute("data-field"));

    [Theory]
    [InlineData(ObjectTypes.SysvMsgQueue, Ops.Send, new[] { "object", "data", "type", "nowait" })]
    [InlineData(ObjectTypes.PosixMsgQueue, Ops.Send, new[] { "object", "data", "priority", "nowait" })]
    [InlineData(ObjectTypes.UnixDgram, Ops.Receive, new[] { "object", "maxBytes", "nowait" })]
    [InlineData(ObjectTypes.UnixStream, Ops.Write, new[] { "object", "data", "size" })]
    [InlineData(ObjectTypes.SocketPair, Ops.Close, new[] { "object", "end" })]
    [InlineData(ObjectTypes.PosixSem, Ops.SemWait, new[] { "object", "count" })]
    [InlineData(ObjectTypes.SysvSem, Ops.SemPost, new[] { "object", "index", "count", "undo" })]
    public void A_steps_form_offers_the_fields_that_apply_to_its_objects_type(string objectType, string op, string[] expected)
    {
        var state = WithObjects(objectType);
        state.Edit(x => ExperimentEdits.AddStep(x, 0, null, op));
        var cut = Render<ExperimentComposer>(p => p.Add(c => c.State, state));

        Assert.Equal(expected, FieldsShown(cut));
        Assert.True(state.IsValid, string.Join("; ", state.Errors.Select(e => $"{e.Path}: {e.Message}")));
    }

    [Fact]
    public void A_send_on_a_system_v_queue_offers_type_and_not_priority()
    {
        var state = WithObjects(ObjectTypes.SysvMsgQueue);
        var cut = Render<ExperimentComposer>(p => p.Add(c => c.State, state));
        cut.Find("[data-testid=add-step-op]").Change(Ops.Send);
        cut.Find("[data-testid=add-step]").Click();

        var fields = FieldsShown(cut).ToList();
        Assert.Contains("type", fields);
        Assert.DoesNotContain("priority", fields);
    }

    [Fact]
    public void Pointing_a_send_at_another_kind_of_queue_drops_the_fields_that_no_longer_apply()
    {
        var state = WithObjects(ObjectTypes.SysvMsgQueue, ObjectTypes.PosixMsgQueue);
        state.Edit(x => ExperimentEdits.AddStep(x, 0, null, Ops.Send));
        var path = new StepPath(0, [0]);
        state.Edit(x => ExperimentEdits.SetStepField(x, path, "object", "q2"));
        state.Edit(x => ExperimentEdits.SetStepField(x, path, "priority", "3"));
        var cut = Render<ExperimentComposer>(p => p.Add(c => c.State, state));

        cut.Find("[data-testid=step-field][data-field=object]").Change("q1");

        var step = ExperimentReader.Read(state.Json).Experiment!.Processes![0].Steps![0];
        Assert.Equal("q1", step.Object);
        Assert.Null(step.Priority);
        Assert.True(state.IsValid, string.Join("; ", state.Errors.Select(e => $"{e.Path}: {e.Message}")));
        Assert.Equal(["object", "data", "type", "nowait"], FieldsShown(cut));
    }

    [Fact]
    public void Pointing_a_close_from_a_pipe_end_at_a_socketpair_drops_the_end_it_lacks()
    {
        var state = WithObjects(ObjectTypes.Pipe, ObjectTypes.SocketPair);
        state.Edit(x => ExperimentEdits.AddStep(x, 0, null, Ops.Close));
        var path = new StepPath(0, [0]);
        state.Edit(x => ExperimentEdits.SetStepField(x, path, "end", "write"));

        state.Edit(x => ExperimentEdits.SetStepField(x, path, "object", "sp1"));

        Assert.Null(ExperimentEdits.StepAt(state.Model, path).End);
        Assert.True(state.IsValid, string.Join("; ", state.Errors.Select(e => $"{e.Path}: {e.Message}")));
    }
}
