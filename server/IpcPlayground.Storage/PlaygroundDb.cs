using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IpcPlayground.Storage;

/// <summary>Opens a context of the configured provider.</summary>
public sealed class PlaygroundDb(IServiceProvider services, IOptions<StorageOptions> options)
{
    public bool IsPostgres => options.Value.Provider == "postgres";

    public PlaygroundDbContext Open() => IsPostgres
        ? services.GetRequiredService<IDbContextFactory<PostgresPlaygroundDbContext>>().CreateDbContext()
        : services.GetRequiredService<IDbContextFactory<SqlitePlaygroundDbContext>>().CreateDbContext();
}
