using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IpcPlayground.Storage;

/// <summary>Brings the database to the current schema before the server takes requests.</summary>
internal sealed partial class StorageMigrator(PlaygroundDb db, ILogger<StorageMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        await context.Database.MigrateAsync(cancellationToken);
        if (!db.IsPostgres)
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        var source = context.Database.GetDbConnection().DataSource;
        StorageLog.Migrated(logger, db.IsPostgres ? "postgres" : "sqlite", source);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
