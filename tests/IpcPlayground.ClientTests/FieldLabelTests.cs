using Bunit;
using IpcPlayground.Client.Components.Composer;
using IpcPlayground.Client.Localization;
using IpcPlayground.Client.Services.Composer;
using IpcPlayground.Contracts.Lessons;

namespace IpcPlayground.ClientTests;

/// <summary>The composer's field labels in Chinese: every field of the forms has its word, the JSON name beside it.</summary>
public sealed class FieldLabelTests : BunitContext
{
    [Fact]
    public void Every_step_and_object_field_has_a_Chinese_label()
    {
        var missing = StepFields.All.Concat(ObjectFields.All).Distinct().Where(f => !FieldLabels.Translated.Contains(f)).ToList();
        Assert.Empty(missing);
        Assert.Equal("字节数 bytes", FieldLabels.Chinese("bytes"));
        Assert.Equal("bytes", UiText.English.FieldLabel("bytes"));
    }

    [Fact]
    public void The_composer_in_Chinese_labels_its_fields_in_Chinese()
    {
        var state = new ComposerState(LessonLibrary.Get("pipe-byte-stream").ExperimentJson);
        var cut = Render<ExperimentComposer>(p => p.Add(c => c.State, state).AddCascadingValue(UiText.Chinese));
        var labels = cut.FindAll("[data-testid=step-row] label").Select(l => l.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        Assert.NotEmpty(labels);
        Assert.All(labels, label => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", label));
    }
}
