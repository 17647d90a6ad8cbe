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
    public DbSet<RecordedMeasurement> Measurements => Set<RecordedMeasurement>();
    public DbSet<Workshop> Workshops => Set<Workshop>();
    public DbSet<Participant> Participants => Set<Participant>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StoredExperiment>(e =>
        {
            e.ToTable("experiments");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(32);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Client).HasMaxLength(64);
            e.HasIndex(x => new { x.Client, x.CreatedAtMs });
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
            e.Property(x => x.WorkshopId).HasMaxLength(32);
            e.Property(x => x.ParticipantId).HasMaxLength(32);
            e.Property(x => x.Client).HasMaxLength(64);
            e.HasIndex(x => new { x.Client, x.EndedAtMs });
        });
        modelBuilder.Entity<RecordedMeasurement>(e =>
        {
            e.ToTable("measurements");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(32);
            e.Property(x => x.Status).HasMaxLength(16);
            e.HasIndex(x => x.ExpiresAtMs);
            e.Property(x => x.Client).HasMaxLength(64);
            e.HasIndex(x => new { x.Client, x.EndedAtMs });
        });
        modelBuilder.Entity<Workshop>(e =>
        {
            e.ToTable("workshops");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(32);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.JoinCode).HasMaxLength(16);
            e.HasIndex(x => x.JoinCode).IsUnique();
            e.Property(x => x.InstructorKeyHash).HasMaxLength(64);
            e.Property(x => x.SpotlightParticipantId).HasMaxLength(32);
            e.HasMany(x => x.Experiments).WithOne().HasForeignKey(x => x.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<WorkshopExperimentEntry>(e =>
        {
            e.ToTable("workshop_experiments");
            e.HasKey(x => new { x.WorkshopId, x.Position });
            e.Property(x => x.WorkshopId).HasMaxLength(32);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.ExperimentId).HasMaxLength(32);
        });
        modelBuilder.Entity<Participant>(e =>
        {
            e.ToTable("participants");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(32);
            e.Property(x => x.WorkshopId).HasMaxLength(32);
            e.HasIndex(x => x.WorkshopId);
            e.HasOne<Workshop>().WithMany().HasForeignKey(x => x.WorkshopId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Name).HasMaxLength(40);
            e.Property(x => x.KeyHash).HasMaxLength(64);
            e.Property(x => x.Experiment).HasMaxLength(200);
            e.Property(x => x.LastRunId).HasMaxLength(32);
            e.Property(x => x.LastRunStatus).HasMaxLength(16);
            e.Property(x => x.LastRunBlocked).HasMaxLength(1000);
        });
    }
}

public sealed class SqlitePlaygroundDbContext(DbContextOptions<SqlitePlaygroundDbContext> options) : PlaygroundDbContext(options);

public sealed class PostgresPlaygroundDbContext(DbContextOptions<PostgresPlaygroundDbContext> options) : PlaygroundDbContext(options);
