using IpcPlayground.Storage.Model;
using Microsoft.EntityFrameworkCore;

namespace IpcPlayground.Storage;

/// <summary>
/// The schema, shared by both providers. Each provider has its own derived context so that each keeps its own
/// migrations (column types differ), selected by <see cref="StorageOptions.Provider"/>.
/// </summary>
public abstract class PlaygroundDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<StoredExperiment> Experiments => Set<StoredExperiment>();
    public DbSet<RecordedRun> Runs => Set<RecordedRun>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StoredExperiment>(e =>
        {
            e.ToTable("experiments");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(32);
            e.Property(x => x.Name).HasMaxLength(200);
        });
        modelBuilder.Entity<RecordedRun>(e =>
        {
            e.ToTable("runs");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(32);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Mode).HasMaxLength(16);
            e.Property(x => x.Status).HasMaxLength(16);
            e.HasIndex(x => x.ExpiresAtMs);
        });
    }
}

public sealed class SqlitePlaygroundDbContext(DbContextOptions<SqlitePlaygroundDbContext> options) : PlaygroundDbContext(options);

public sealed class PostgresPlaygroundDbContext(DbContextOptions<PostgresPlaygroundDbContext> options) : PlaygroundDbContext(options);
