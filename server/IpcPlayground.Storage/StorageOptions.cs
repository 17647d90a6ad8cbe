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
}
