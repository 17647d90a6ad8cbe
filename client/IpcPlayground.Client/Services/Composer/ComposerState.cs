using System.Text.Json;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Lessons;

namespace IpcPlayground.Client.Services.Composer;

/// <summary>
/// The experiment being composed, held two ways and kept in sync: the model the forms edit and the JSON text the
/// JSON view edits. Either side's edit rewrites the other and revalidates, so errors are known before a run. Every
/// edit can be undone and redone (a run of typing in the JSON view is one edit).
/// </summary>
public sealed class ComposerState
{
    public ComposerState(string json) => Read(json);

    /// <summary>Opens on a lesson (see <see cref="Load(Lesson)"/>).</summary>
    public ComposerState(Lesson lesson) => ReadLesson(lesson);

    /// <summary>The most edits one can go back.</summary>
    public const int HistoryLength = 100;

    private readonly LinkedList<string> _undo = new();
    private readonly Stack<string> _redo = new();

    /// <summary>Whether the last edit was typing in the JSON view, which the next keystroke then joins.</summary>
    private bool _typing;

    public bool CanUndo => _undo.Count > 0;
    public bool CanRedo => _redo.Count > 0;

    /// <summary>Goes back to the experiment before the last edit (the forms' or a run of typing).</summary>
    public void Undo()
    {
        if (_undo.Last is not { } last) return;
        _undo.RemoveLast();
        _redo.Push(Json);
        Apply(last.Value);
    }

    /// <summary>Goes forward again to what the last undo took back.</summary>
    public void Redo()
    {
        if (!_redo.TryPop(out var next)) return;
        Remember();
        Apply(next);
    }

    private void Remember()
    {
        _undo.AddLast(Json);
        if (_undo.Count > HistoryLength) _undo.RemoveFirst();
    }

    /// <summary>Before an edit: the experiment as it was goes on the undo list, and what was undone can no longer be redone.</summary>
    private void Record(bool typing)
    {
        if (!(typing && _typing)) Remember();
        _typing = typing;
        _redo.Clear();
    }

    private void Apply(string json)
    {
        _typing = false;
        Read(json);
    }

    public string Json { get; private set; } = "";

    /// <summary>The last readable experiment; when the JSON text cannot be read, the forms keep showing this one.</summary>
    public Experiment Model { get; private set; } = ExperimentEdits.Blank;

    /// <summary>False while the JSON text cannot be read as an experiment at all (a syntax error, a wrong type).</summary>
    public bool JsonReadable { get; private set; } = true;

    public IReadOnlyList<ValidationError> Errors { get; private set; } = [];

    public bool IsValid => Errors.Count == 0;

    /// <summary>Raised after every edit, from either side.</summary>
    public event Action? Changed;

    /// <summary>The JSON view's text (typed, pasted, or a lesson loaded): one edit, joined with the typing before it.</summary>
    public void SetJson(string json) => SetJson(json, typing: true);

    /// <summary>A whole experiment put in (a lesson, a shared link, the instructor's): an edit of its own, which undo takes back.</summary>
    public void Load(string json) => SetJson(json, typing: false);

    /// <summary>
    /// Puts a lesson in, as an edit of its own. The tests check every lesson with the same validator (LessonTests), so
    /// its experiment is read for the forms but not validated again here: the page's start does less. The first edit
    /// validates as always.
    /// </summary>
    public void Load(Lesson lesson)
    {
        if (lesson.ExperimentJson == Json) return;
        Record(typing: false);
        ReadLesson(lesson);
    }

    private void ReadLesson(Lesson lesson)
    {
        Json = lesson.ExperimentJson;
        Model = lesson.Experiment.Deserialize(ContractsJsonContext.Default.Experiment)!;
        JsonReadable = true;
        Errors = [];
        Changed?.Invoke();
    }

    private void SetJson(string json, bool typing)
    {
        if (json == Json) return;
        Record(typing);
        Read(json);
    }

    private void Read(string json)
    {
        Json = json;
        var read = ExperimentReader.Read(json);
        var model = ExperimentJson.TryParse(json, read, out var parseError);
        JsonReadable = model is not null;
        if (model is not null)
        {
            Model = model;
            Errors = read.Errors;
        }
        else
        {
            Errors = [parseError ?? new ValidationError("$", "not readable as an experiment")];
        }
        Changed?.Invoke();
    }

    /// <summary>Applies a form edit to the model and rewrites the JSON text from it.</summary>
    public void Edit(Func<Experiment, Experiment> edit)
    {
        var edited = edit(Model);
        if (ReferenceEquals(edited, Model)) return;
        Record(typing: false);
        Model = edited;
        Json = ExperimentJson.Write(Model);
        JsonReadable = true;
        Errors = ExperimentValidator.Validate(Model);
        Changed?.Invoke();
    }

    /// <summary>The errors about exactly this field (inline, under the field).</summary>
    public IEnumerable<ValidationError> ErrorsAt(string path) => Errors.Where(e => e.Path == path);
}
