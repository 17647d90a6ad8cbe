using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Client.Services.Composer;

/// <summary>
/// The experiment being composed, held two ways and kept in sync: the model the forms edit and the JSON text the
/// JSON view edits. Either side's edit rewrites the other and revalidates, so errors are known before a run.
/// </summary>
public sealed class ComposerState
{
    public ComposerState(string json) => SetJson(json);

    public string Json { get; private set; } = "";

    /// <summary>The last readable experiment; when the JSON text cannot be read, the forms keep showing this one.</summary>
    public Experiment Model { get; private set; } = ExperimentEdits.Blank;

    /// <summary>False while the JSON text cannot be read as an experiment at all (a syntax error, a wrong type).</summary>
    public bool JsonReadable { get; private set; } = true;

    public IReadOnlyList<ValidationError> Errors { get; private set; } = [];

    public bool IsValid => Errors.Count == 0;

    /// <summary>Raised after every edit, from either side.</summary>
    public event Action? Changed;

    public void SetJson(string json)
    {
        Json = json;
        var model = ExperimentJson.TryParse(json, out var parseError);
        JsonReadable = model is not null;
        if (model is not null)
        {
            Model = model;
            Errors = ExperimentReader.Read(json).Errors;
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
        Model = edit(Model);
        Json = ExperimentJson.Write(Model);
        JsonReadable = true;
        Errors = ExperimentValidator.Validate(Model);
        Changed?.Invoke();
    }

    /// <summary>The errors about exactly this field (inline, under the field).</summary>
    public IEnumerable<ValidationError> ErrorsAt(string path) => Errors.Where(e => e.Path == path);
}
