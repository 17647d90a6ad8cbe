using System.ComponentModel.DataAnnotations;

namespace IpcPlayground.Storage;

/// <summary>Where shared experiments and recorded runs are kept (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>sqlite</c> (embedded, the default) or <c>postgres</c>.</summary>
    [Required, RegularExpression("^(sqlite|postgres)$", ErrorMessage = "Storage:Provider must be 'sqlite' or 'postgres'.")]
    public string Provider { get; set; } = "sqlite";

    /// <summary>For SQLite: the directory of <c>playground.db</c>, relative to the content root unless absolute.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>For PostgreSQL: an Npgsql connection string.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long a finished run's events are kept for replay. Shared experiments never expire.</summary>
    [Range(1, 3650)]
    public int RunRetentionDays { get; set; } = 30;

    /// <summary>
    /// Bytes of events one client (an address) may have recorded within a day; past it, its runs get 429 with
    /// Retry-After until the oldest of that day's records falls out of the window. 0 for no quota.
    /// </summary>
    [Range(0, long.MaxValue)]
    public long RecordedBytesPerClientPerDay { get; set; } = 256L << 20;

    /// <summary>Bytes of new experiments one client may share within a day (shares never expire); past it, 429. 0 for no quota.</summary>
    [Range(0, long.MaxValue)]
    public long SharedBytesPerClientPerDay { get; set; } = 4L << 20;

    /// <summary>A run whose events are larger than this is stored gzip-compressed.</summary>
    [Range(0, long.MaxValue)]
    public long CompressRecordsAboveBytes { get; set; } = 64 << 10;
}
