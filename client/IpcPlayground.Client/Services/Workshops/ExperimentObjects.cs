using IpcPlayground.Client.Services.Composer;

namespace IpcPlayground.Client.Services.Workshops;

/// <summary>A stored experiment's objects by id (id → type), so a page that only has a step's object id can name its call.</summary>
public static class ExperimentObjects
{
    public static IReadOnlyDictionary<string, string> TypesById(string? json) =>
        (json is null ? null : ExperimentJson.TryRead(json))?.Objects?
            .Where(o => o.Id is not null && o.Type is not null).DistinctBy(o => o.Id)
            .ToDictionary(o => o.Id!, o => o.Type!, StringComparer.Ordinal)
        ?? new Dictionary<string, string>();
}
