using System.ComponentModel.DataAnnotations;

namespace IpcPlayground.Runs;

/// <summary>Run settings (configuration section <c>Runs</c>).</summary>
public sealed class RunsOptions
{
    public const string Section = "Runs";

    /// <summary>The timeout of an experiment that names none.</summary>
    [Range(100, 600_000)]
    public int DefaultTimeoutMs { get; set; } = 10_000;

    /// <summary>The most any experiment may ask for.</summary>
    [Range(100, 600_000)]
    public int MaxTimeoutMs { get; set; } = 30_000;

    /// <summary>After this long inside one call, with the kernel reporting the process asleep, a <c>blocked</c> event is sent.</summary>
    [Range(1, 10_000)]
    public int BlockedAfterMs { get; set; } = 5;

    /// <summary>How long the supervisor holds events to put those of different processes in time order.</summary>
    [Range(0, 1000)]
    public int ReorderWindowMs { get; set; } = 10;

    /// <summary>A run in step mode waits for a person between steps: it gets this long instead of the usual timeout.</summary>
    [Range(1000, 3_600_000)]
    public int StepModeTimeoutMs { get; set; } = 600_000;

    /// <summary>A run held in step mode that nobody steps (nor resumes) for this long ends, and gives its slot back.</summary>
    [Range(1000, 3_600_000)]
    public int StepModeIdleMs { get; set; } = 120_000;

    /// <summary>Extra time the server gives the supervisor past the run's timeout before it kills the sandbox itself.</summary>
    [Range(100, 60_000)]
    public int KillGraceMs { get; set; } = 2_000;

    /// <summary>Runs executing at once on this server; more get 429 with Retry-After.</summary>
    [Range(1, 10_000)]
    public int MaxConcurrentRuns { get; set; } = 16;

    /// <summary>Runs executing at once for one client (by IPv4 address or IPv6 /64; a workshop participant is a client).</summary>
    [Range(1, 1000)]
    public int MaxConcurrentRunsPerClient { get; set; } = 4;

    /// <summary>
    /// Of <see cref="MaxConcurrentRuns"/>, how many workshop runs may take: the rest stay for the playground, so
    /// participants (joined as many as one likes, from one address) cannot starve it.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxConcurrentWorkshopRuns { get; set; } = 12;

    /// <summary>Runs in step mode at once on this server: a held run keeps its slot while a person thinks.</summary>
    [Range(1, 10_000)]
    public int MaxStepModeRuns { get; set; } = 8;

    /// <summary>
    /// Predicted runs of workshops' rooms at once on this server: each participant's run of the experiment their
    /// instructor chose for the room, held while the room answers. They take neither a step-mode slot nor the
    /// server's or the workshops' run slots — a room of a hundred waits for people, not for CPU, and only runs what its
    /// instructor chose — so this alone bounds them here, and each room's own quotas
    /// (<c>Workshops:ConcurrentRunsPerWorkshop</c>, one run per participant) bound a room. Each still needs a host uid:
    /// with <see cref="MaxConcurrentRuns"/> at most <c>Sandbox:HostUidPoolSize</c>.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxRoomPredictionRuns { get; set; } = 200;

    /// <summary>Runs in step mode at once for one client.</summary>
    [Range(1, 1000)]
    public int MaxStepModeRunsPerClient { get; set; } = 2;

    /// <summary>Events one run may produce in all; past it the run is stopped with a <c>limit</c> event.</summary>
    [Range(10, 10_000_000)]
    public int MaxEventsPerRun { get; set; } = 20_000;

    /// <summary>Events per second one run may produce, measured over each second of its run.</summary>
    [Range(10, 1_000_000)]
    public int MaxEventsPerSecond { get; set; } = 5_000;

    /// <summary>Bytes of events (as JSON) one run may produce.</summary>
    [Range(1024, 1L << 32)]
    public long MaxEventBytesPerRun { get; set; } = 16 << 20;

    /// <summary>
    /// Bytes of events the finished runs held in memory may keep together; past it the oldest are let go (they are
    /// recorded, and served from the store when asked for again).
    /// </summary>
    [Range(1L << 20, 1L << 40)]
    public long RetainedEventBytes { get; set; } = 64L << 20;

    /// <summary>How long a finished run's events stay available.</summary>
    [Range(1, 10_080)]
    public int RetainMinutes { get; set; } = 60;
}
