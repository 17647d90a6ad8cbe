namespace IpcPlayground.Contracts.Workshops;

/// <summary>The instructor's board: every participant as they are now; changes then arrive one participant at a time.</summary>
public sealed record WorkshopBoard(WorkshopInfo Workshop, IReadOnlyList<ParticipantStatus> Participants);

/// <summary>One participant on the board: online or not, the experiment they are on, and their latest run.</summary>
public sealed record ParticipantStatus(
    string ParticipantId,
    string Name,
    bool Online,
    string? Experiment,
    ParticipantRun? Run);

/// <summary>
/// A participant's latest run: its status (<c>running</c> or a run-end status), the processes blocked in a call right
/// now, and whether every living process is blocked with nothing left that could wake one (a deadlock).
/// </summary>
public sealed record ParticipantRun(string RunId, string Status, IReadOnlyList<string> Blocked, bool Deadlocked, int EventCount);

/// <summary>An experiment the instructor sent to every composer in the room.</summary>
public sealed record BroadcastExperiment(string ExperimentId, string Title, string Json);

/// <summary>
/// A measurement the instructor showed the room: its id (opened at <c>/m/{id}</c>), what it timed in a few words, and
/// the machine it ran on — cores and kernel — so the figures are read as this machine's.
/// </summary>
public sealed record BroadcastMeasurement(string MeasurementId, string Title, int? Cpus, string? Kernel);
