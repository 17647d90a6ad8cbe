using IpcPlayground.Storage.Model;
using IpcPlayground.Storage.Workshops;
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
    public DbSet<WorkshopPrediction> Predictions => Set<WorkshopPrediction>();
    public DbSet<PredictionQuestionRecord> PredictionQuestions => Set<PredictionQuestionRecord>();
    public DbSet<PredictionAnswerRecord> PredictionAnswers => Set<PredictionAnswerRecord>();

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
        modelBuilder.Entity<WorkshopPrediction>(e =>
        {
            e.ToTable("workshop_predictions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(32);
            e.Property(x => x.WorkshopId).HasMaxLength(32);
            e.HasIndex(x => new { x.WorkshopId, x.StartedAtMs });
            e.HasOne<Workshop>().WithMany().HasForeignKey(x => x.WorkshopId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.ExperimentId).HasMaxLength(32);
            e.Property(x => x.Title).HasMaxLength(200);
        });
        modelBuilder.Entity<PredictionQuestionRecord>(e =>
        {
            // Written with INSERT … ON CONFLICT DO NOTHING (PredictionStore): keep the names it uses in step.
            e.ToTable("prediction_questions");
            e.HasKey(x => x.Seq);
            e.Property(x => x.Seq).ValueGeneratedOnAdd();
            e.Property(x => x.PredictionId).HasMaxLength(32);
            e.Property(x => x.QuestionKey).HasMaxLength(PredictionKeys.MaxLength);
            e.HasIndex(x => new { x.PredictionId, x.QuestionKey }).IsUnique();
            e.HasOne<WorkshopPrediction>().WithMany().HasForeignKey(x => x.PredictionId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Process).HasMaxLength(32);
            e.Property(x => x.Step).HasMaxLength(64);
            e.Property(x => x.Op).HasMaxLength(32);
            e.Property(x => x.Object).HasMaxLength(32);
            e.Property(x => x.About).HasMaxLength(16);
        });
        modelBuilder.Entity<PredictionAnswerRecord>(e =>
        {
            // Written with INSERT … ON CONFLICT DO UPDATE (PredictionStore): keep the names it uses in step.
            e.ToTable("prediction_answers");
            e.HasKey(x => new { x.PredictionId, x.ParticipantId, x.QuestionKey });
            e.Property(x => x.PredictionId).HasMaxLength(32);
            e.Property(x => x.ParticipantId).HasMaxLength(32);
            e.Property(x => x.QuestionKey).HasMaxLength(PredictionKeys.MaxLength);
            e.HasIndex(x => new { x.PredictionId, x.QuestionKey });
            e.HasOne<WorkshopPrediction>().WithMany().HasForeignKey(x => x.PredictionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.RunId).HasMaxLength(32);
            e.Property(x => x.Process).HasMaxLength(32);
            e.Property(x => x.Step).HasMaxLength(64);
            e.Property(x => x.Op).HasMaxLength(32);
            e.Property(x => x.Object).HasMaxLength(32);
            e.Property(x => x.About).HasMaxLength(16);
            e.Property(x => x.Choice).HasMaxLength(64);
            e.Property(x => x.Actual).HasMaxLength(64);
            e.Property(x => x.Explanation).HasMaxLength(2000);
        });
    }
}

public sealed class SqlitePlaygroundDbContext(DbContextOptions<SqlitePlaygroundDbContext> options) : PlaygroundDbContext(options);

public sealed class PostgresPlaygroundDbContext(DbContextOptions<PostgresPlaygroundDbContext> options) : PlaygroundDbContext(options);
