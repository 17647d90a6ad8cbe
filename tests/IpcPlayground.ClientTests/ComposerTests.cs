using Bunit;
using IpcPlayground.Client.Components.Composer;
using IpcPlayground.Client.Services.Composer;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Lessons;

namespace IpcPlayground.ClientTests;

/// <summary>The composer's forms and its JSON view stay one experiment, and errors show on the field they concern.</summary>
public sealed class ComposerTests : BunitContext
{
    private static ComposerState Blank() => new(ExperimentJson.Write(ExperimentEdits.Blank));

    [Fact]
    public void Building_a_parent_and_child_with_a_pipe_through_the_forms_writes_valid_json()
    {
        var state = Blank();
        var cut = Render<ExperimentComposer>(p => p.Add(c => c.State, state));

        cut.Find("[data-testid=add-object]").Click();
        cut.Find("[data-testid=process-card][data-index='0'] [data-testid=add-child]").Click();
        var child = cut.Find("[data-testid=process-card][data-index='1']");
        Assert.Equal("proc1", child.GetAttribute("data-process"));

        // The parent spawned the child by itself; now the child reads the pipe and the parent writes it.
        cut.Find("[data-testid=process-card][data-index='1'] [data-testid=add-step-op]").Change("read");
        cut.Find("[data-testid=process-card][data-index='1'] [data-testid=add-step]").Click();
        cut.Find("[data-testid=process-card][data-index='0'] [data-testid=add-step-op]").Change("write");
        cut.Find("[data-testid=process-card][data-index='0'] [data-testid=add-step]").Click();

        Assert.True(state.IsValid, string.Join("; ", state.Errors.Select(e => $"{e.Path}: {e.Message}")));
        var read = ExperimentReader.Read(state.Json);
        Assert.True(read.IsValid);
        var main = read.Experiment!.Processes![0];
        Assert.Equal([Ops.Spawn, Ops.Write], main.Steps!.Select(s => s.Op));
        Assert.Equal("proc1", main.Steps![0].Process);
        Assert.Equal("pipe1", main.Steps![1].Object);
        Assert.Equal("main", read.Experiment.Processes[1].Parent);
        Assert.Contains("\"op\": \"read\"", state.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lesson_opens_as_the_same_experiment_its_text_reads_to_and_the_first_edit_is_validated()
    {
        foreach (var lesson in LessonLibrary.All)
        {
            var opened = new ComposerState(lesson);
            var read = new ComposerState(lesson.ExperimentJson);
            Assert.Equal(read.Json, opened.Json);
            Assert.Equal(ExperimentJson.Write(read.Model), ExperimentJson.Write(opened.Model));
            Assert.Equal(read.Errors, opened.Errors);
        }

        var state = Blank();
        state.Load(LessonLibrary.Get("pipe-byte-stream"));
        Assert.True(state.IsValid);
        state.Edit(e => e with { Processes = [.. e.Processes!.Select(p => p with { Steps = [new Step { Op = "read", Object = "nowhere" }] })] });
        Assert.False(state.IsValid);
        state.Undo();
        Assert.True(state.IsValid);
        Assert.Equal(LessonLibrary.Get("pipe-byte-stream").ExperimentJson, state.Json);
    }

    [Fact]
    public void Editing_the_json_redraws_the_forms()
    {
        var state = Blank();
        var cut = Render<ExperimentComposer>(p => p.Add(c => c.State, state));

        state.SetJson(LessonLibrary.Get("pipe-byte-stream").ExperimentJson);

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=process-card]").Count));
        Assert.Equal("child", cut.Find("[data-testid=process-card][data-index='1'] [data-testid=process-id]").GetAttribute("value"));
        Assert.Equal("parent", cut.Find("[data-testid=process-card][data-index='1'] [data-testid=process-parent]").GetAttribute("value"));
        Assert.Equal(5, cut.FindAll("[data-testid=process-card][data-index='0'] [data-testid=step-row]").Count);
    }

    [Fact]
    public void Removing_an_object_asks_first_naming_its_steps_and_undo_and_redo_take_it_back_and_again()
    {
        var lesson = LessonLibrary.Get("pipe-byte-stream").ExperimentJson;
        var state = new ComposerState(lesson);
        var cut = Render<ExperimentComposer>(p => p.Add(c => c.State, state));
        Assert.True(cut.Find("[data-testid=composer-undo]").HasAttribute("disabled"));

        cut.Find("[data-testid=remove-object]").Click();
        var question = cut.Find("[data-testid=remove-object-question]").TextContent;
        Assert.Contains($"Remove p and the {ExperimentEdits.StepsNamingObject(state.Model, "p")} steps that use it?", question, StringComparison.Ordinal);
        Assert.Single(state.Model.Objects!); // nothing removed yet
        cut.Find("[data-testid=remove-object-cancel]").Click();
        Assert.Single(state.Model.Objects!);

        cut.Find("[data-testid=remove-object]").Click();
        cut.Find("[data-testid=remove-object-confirm]").Click();
        Assert.Empty(state.Model.Objects!);
        Assert.DoesNotContain("\"object\": \"p\"", state.Json, StringComparison.Ordinal);

        cut.Find("[data-testid=composer-undo]").Click();
        Assert.Equal(lesson, state.Json);
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=remove-object]")));
        cut.Find("[data-testid=composer-redo]").Click();
        Assert.Empty(state.Model.Objects!);
        Assert.True(cut.Find("[data-testid=composer-redo]").HasAttribute("disabled"));
    }

    [Fact]
    public void A_run_of_typing_is_one_undo_and_a_loaded_experiment_is_another()
    {
        var state = Blank();
        var blank = state.Json;
        var lesson = LessonLibrary.Get("pipe-byte-stream").ExperimentJson;
        state.Load(lesson);
        state.SetJson(lesson + " ");
        state.SetJson(lesson + "  ");
        state.Undo();
        Assert.Equal(lesson, state.Json);
        state.Undo();
        Assert.Equal(blank, state.Json);
        Assert.False(state.CanUndo);
        state.Redo();
        state.Edit(x => ExperimentEdits.SetName(x, "renamed"));
        Assert.False(state.CanRedo); // an edit after an undo drops what could be redone
        state.Undo();
        Assert.Equal(lesson, state.Json);
    }

    [Fact]
    public void A_form_edit_rewrites_the_json_view()
    {
        var state = new ComposerState(LessonLibrary.Get("pipe-byte-stream").ExperimentJson);
        var cut = Render<ExperimentComposer>(p => p.Add(c => c.State, state));

        cut.Find("[data-testid=step-row][data-path='processes[1].steps[1]'] [data-testid=step-field][data-field=bytes]").Change("7");

        Assert.Equal(7, ExperimentReader.Read(state.Json).Experiment!.Processes![1].Steps![1].Bytes);
    }

    [Fact]
    public void An_unknown_object_is_flagged_on_the_step_field_before_running()
    {
        var state = new ComposerState(LessonLibrary.Get("pipe-byte-stream").ExperimentJson.Replace("\"object\": \"p\"", "\"object\": \"nope\"", StringComparison.Ordinal));
        var cut = Render<ExperimentComposer>(p => p.Add(c => c.State, state));

        Assert.False(state.IsValid);
        var error = cut.Find("[data-testid=step-row][data-path='processes[0].steps[1]'] [data-testid=field-error]");
        Assert.Equal("processes[0].steps[1].object", error.GetAttribute("data-path"));
        Assert.Contains("unknown object 'nope'", error.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_process_id_is_flagged_on_the_id_field()
    {
        var state = new ComposerState(LessonLibrary.Get("pipe-byte-stream").ExperimentJson);
        var cut = Render<ExperimentComposer>(p => p.Add(c => c.State, state));

        cut.Find("[data-testid=process-card][data-index='1'] [data-testid=process-id]").Change("p");

        var error = cut.Find("[data-testid=field-error][data-path='processes[1].id']");
        Assert.Contains("duplicate id 'p'", error.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_json_keeps_the_last_form_and_reports_where()
    {
        var state = new ComposerState(LessonLibrary.Get("pipe-byte-stream").ExperimentJson);
        state.SetJson("{ \"format\": 1, ");
        Assert.False(state.JsonReadable);
        Assert.False(state.IsValid);
        Assert.Equal(2, state.Model.Processes!.Count);
    }

    [Fact]
    public void Changing_an_op_keeps_shared_fields_and_fills_required_ones()
    {
        var e = ExperimentReader.Read(LessonLibrary.Get("pipe-byte-stream").ExperimentJson).Experiment!;
        var changed = ExperimentEdits.SetStepOp(e, new StepPath(0, [1]), Ops.Read);
        var step = changed.Processes![0].Steps![1];
        Assert.Equal("p", step.Object);
        Assert.Null(step.Data);
        Assert.Equal(100, step.Bytes);
        Assert.Empty(ExperimentValidator.Validate(changed));
    }

    [Fact]
    public void Removing_a_process_removes_the_steps_that_name_it_and_renaming_an_object_follows_its_uses()
    {
        var e = ExperimentReader.Read(LessonLibrary.Get("pipe-byte-stream").ExperimentJson).Experiment!;
        var removed = ExperimentEdits.RemoveProcess(e, 1);
        Assert.DoesNotContain(removed.Processes![0].Steps!, s => s.Process == "child");
        Assert.Empty(ExperimentValidator.Validate(removed));

        var renamed = ExperimentEdits.RenameObject(e, 0, "pipe");
        Assert.All(renamed.Processes!.SelectMany(p => p.Steps!).Where(s => s.Object is not null), s => Assert.Equal("pipe", s.Object));
        Assert.Empty(ExperimentValidator.Validate(renamed));
    }

    [Fact]
    public void An_objects_form_offers_only_the_fields_its_type_takes()
    {
        var state = Blank();
        state.Edit(x => ExperimentEdits.AddObject(x, ObjectTypes.PosixMsgQueue));
        var cut = Render<ExperimentComposer>(p => p.Add(c => c.State, state));

        Assert.Equal(["name", "maxMessages", "messageSize"], cut.FindAll("[data-testid=object-field]").Select(f => f.GetAttribute("data-field")));
        cut.Find("[data-testid=object-field][data-field=maxMessages]").Change("99");
        Assert.Contains("maxMessages is from 1 to 10", cut.Find("[data-testid=field-error][data-path='objects[0].maxMessages']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_semaphore_sets_start_values_are_typed_one_per_member_and_checked_against_its_count()
    {
        var state = Blank();
        state.Edit(x => ExperimentEdits.AddObject(x, ObjectTypes.SysvSem));
        var cut = Render<ExperimentComposer>(p => p.Add(c => c.State, state));

        cut.Find("[data-testid=object-field][data-field=initial]").Change("2, 0");
        Assert.Contains("\"initial\": [", state.Json, StringComparison.Ordinal);
        Assert.True(state.IsValid, string.Join("; ", state.Errors.Select(e => e.Message)));
        Assert.Equal("2,0", cut.Find("[data-testid=object-field][data-field=initial]").GetAttribute("value"));

        cut.Find("[data-testid=object-field][data-field=count]").Change("3");
        Assert.Contains("2 values but count is 3", cut.Find("[data-testid=field-error][data-path='objects[0].initial']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_open_of_a_System_V_queue_offers_create_and_exclusive_and_a_fifo_open_does_not()
    {
        var state = Blank();
        state.Edit(x => ExperimentEdits.AddObject(ExperimentEdits.AddObject(x, ObjectTypes.SysvMsgQueue), ObjectTypes.Fifo));
        state.Edit(x => ExperimentEdits.AddStep(ExperimentEdits.AddStep(x, 0, null, Ops.Open), 0, null, Ops.Open));
        state.Edit(x => ExperimentEdits.SetStepField(x, new StepPath(0, [1]), "object", "fifo1"));
        var cut = Render<ExperimentComposer>(p => p.Add(c => c.State, state));
        const string queueOpen = "[data-testid=step-row][data-path='processes[0].steps[0]']";

        cut.Find($"{queueOpen} [data-testid=step-field][data-field=create]").Change("false");
        Assert.Contains("\"create\": false", state.Json, StringComparison.Ordinal);
        cut.Find($"{queueOpen} [data-testid=step-field][data-field=exclusive]").Change(true);
        Assert.Contains("only means something with create", cut.Find("[data-testid=field-error][data-path='processes[0].steps[0].exclusive']").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=step-row][data-path='processes[0].steps[1]'] [data-testid=step-field][data-field=create]"));
    }

    [Fact]
    public void A_write_to_an_eventfd_takes_a_value_and_its_read_no_byte_count()
    {
        var state = Blank();
        state.Edit(x => ExperimentEdits.AddObject(x, ObjectTypes.EventFd));
        state.Edit(x => ExperimentEdits.AddStep(ExperimentEdits.AddStep(x, 0, null, Ops.Write), 0, null, Ops.Read));
        var cut = Render<ExperimentComposer>(p => p.Add(c => c.State, state));

        Assert.True(state.IsValid, string.Join("; ", state.Errors.Select(e => $"{e.Path}: {e.Message}")));
        Assert.Single(cut.FindAll("[data-testid=step-row][data-path='processes[0].steps[0]'] [data-testid=step-field][data-field=value]"));
        Assert.Empty(cut.FindAll("[data-testid=step-row][data-path='processes[0].steps[0]'] [data-testid=step-field][data-field=data]"));
        Assert.Empty(cut.FindAll("[data-testid=step-row][data-path='processes[0].steps[1]'] [data-testid=step-field][data-field=bytes]"));
        cut.Find("[data-testid=object-field][data-field=semaphore]").Change(true);
        Assert.Contains("\"semaphore\": true", state.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exec_added_by_the_forms_runs_cat_and_takes_a_program_arguments_and_its_standard_input()
    {
        var state = Blank();
        state.Edit(x => ExperimentEdits.AddObject(x, ObjectTypes.Pipe));
        state.Edit(x => ExperimentEdits.AddStep(x, 0, null, Ops.Exec));
        Assert.True(state.IsValid, string.Join("; ", state.Errors.Select(e => $"{e.Path}: {e.Message}")));
        var cut = Render<ExperimentComposer>(p => p.Add(c => c.State, state));
        string Field(string name) => $"[data-testid=step-row][data-path='processes[0].steps[0]'] [data-testid=step-field][data-field={name}]";
        cut.Find(Field("program")).Change("wc");
        cut.Find(Field("args")).Change("-c");
        cut.Find(Field("stdin")).Change("pipe1.read");
        Assert.True(state.IsValid, string.Join("; ", state.Errors.Select(e => $"{e.Path}: {e.Message}")));
        var step = state.Model.Processes![0].Steps![0];
        Assert.Equal(("wc", "-c", "pipe1", "read"), (step.Program, step.Args![0], step.Stdin!.Object, step.Stdin.End));
    }

    [Fact]
    public void A_stat_added_by_the_forms_names_the_first_object()
    {
        var state = Blank();
        state.Edit(x => ExperimentEdits.AddObject(x, ObjectTypes.Fifo));
        state.Edit(x => ExperimentEdits.AddStep(x, 0, null, Ops.Stat));
        Assert.Equal("fifo1", ExperimentReader.Read(state.Json).Experiment!.Processes![0].Steps![0].Object);
        Assert.True(state.IsValid, string.Join("; ", state.Errors.Select(e => $"{e.Path}: {e.Message}")));
    }

    [Fact]
    public void Every_lesson_survives_a_round_trip_through_the_forms_model()
    {
        foreach (var lesson in LessonLibrary.All)
        {
            var state = new ComposerState(lesson.ExperimentJson);
            Assert.True(state.IsValid, lesson.Id);
            state.Edit(x => x);
            Assert.True(state.IsValid, lesson.Id + ": " + string.Join("; ", state.Errors.Select(e => e.Message)));
            Assert.True(System.Text.Json.JsonElement.DeepEquals(lesson.Experiment, System.Text.Json.JsonDocument.Parse(state.Json).RootElement), lesson.Id);
        }
    }

    [Fact]
    public void Steps_added_inside_a_repeat_nest_under_it()
    {
        var state = Blank();
        var cut = Render<ExperimentComposer>(p => p.Add(c => c.State, state));
        cut.Find("[data-testid=add-step-op]").Change("repeat");
        cut.Find("[data-testid=add-step]").Click();

        var repeat = cut.Find("[data-testid=step-row][data-path='processes[0].steps[0]']");
        repeat.QuerySelector("[data-testid=add-step-op]")!.Change("sleep");
        cut.Find("[data-testid=step-row][data-path='processes[0].steps[0]'] [data-testid=add-step]").Click();

        Assert.NotNull(cut.Find("[data-testid=step-row][data-path='processes[0].steps[0].steps[0]'][data-op=sleep]"));
        var outer = ExperimentReader.Read(state.Json).Experiment!.Processes![0].Steps![0];
        Assert.Equal(Ops.Repeat, outer.Op);
        Assert.Equal(100, Assert.Single(outer.Steps!).Ms);
    }

    [Fact]
    public void A_step_marked_always_ask_is_written_as_ask_true_and_its_choice_survives_a_change_of_op()
    {
        var state = new ComposerState(LessonLibrary.Get("pipe-empty-blocks").ExperimentJson);
        var cut = Render<ExperimentComposer>(p => p.Add(c => c.State, state));
        var read = "[data-testid=process-card][data-index='1'] [data-testid=step-row][data-path='processes[1].steps[0]']";

        cut.Find($"{read} [data-testid=step-ask]").Change("true");
        Assert.True(ExperimentReader.Read(state.Json).Experiment!.Processes![1].Steps![0].Ask);
        Assert.True(state.IsValid, string.Join("; ", state.Errors.Select(e => $"{e.Path}: {e.Message}")));

        cut.Find($"{read} [data-testid=step-op]").Change(Ops.Write);
        Assert.Equal("true", cut.Find($"[data-testid=step-row][data-path='processes[1].steps[0]'] [data-testid=step-ask]").GetAttribute("value"));

        cut.Find($"[data-testid=step-row][data-path='processes[1].steps[0]'] [data-testid=step-ask]").Change("false");
        Assert.False(ExperimentReader.Read(state.Json).Experiment!.Processes![1].Steps![0].Ask);
        cut.Find($"[data-testid=step-row][data-path='processes[1].steps[0]'] [data-testid=step-ask]").Change("");
        Assert.DoesNotContain("\"ask\"", state.Json, StringComparison.Ordinal);
    }
}

