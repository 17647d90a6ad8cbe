using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Fidelity.Generation.Mechanisms;

/// <summary>Every mechanism the generator knows, gathered from the family files; a new family adds its list here.</summary>
public static class GeneratedMechanisms
{
    public static IReadOnlyList<GeneratedMechanism> All { get; } =
        [.. Streams.All, .. Datagrams.All, .. Queues.All, .. SharedMemory.All, .. Semaphores.All, .. Counters.All];

    private static readonly Dictionary<ObjectKind, GeneratedMechanism> ByKind = All.DistinctBy(m => m.Kind).ToDictionary(m => m.Kind);

    public static GeneratedMechanism For(ObjectKind kind) =>
        ByKind.TryGetValue(kind, out var mechanism) ? mechanism : throw new InvalidOperationException($"the generator knows no mechanism of kind {kind}");

    internal static GeneratedMechanism Of(ObjectDefinition obj) => For(obj.Mechanism!.Kind);

    /// <summary>A mechanism for the next object, drawn in the contract's order of mechanisms (which seeds depend on).</summary>
    internal static GeneratedMechanism Draw(ChoiceSource choices) => For(choices.OneOf(Contracts.Experiments.Mechanisms.All).Kind);
}
