namespace IpcPlayground.Runs;

/// <summary>The workshop participant a run belongs to; such a run is shown only to them, their instructor and a spotlight.</summary>
public sealed record RunOwner(string WorkshopId, string ParticipantId);
