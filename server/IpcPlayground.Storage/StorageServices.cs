using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IpcPlayground.Storage;

public static class StorageServices
{
    /// <summary>SQLite in <see cref="StorageOptions.DataDirectory"/> by default, PostgreSQL when configured; migrated at start.</summary>
    public static IServiceCollection AddPlaygroundDatabase(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.Provider != "postgres" || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Storage:ConnectionString is required when Storage:Provider is 'postgres'.")
            .ValidateOnStart();
        services.AddDbContextFactory<SqlitePlaygroundDbContext>((sp, o) =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var directory = Path.Combine(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, options.DataDirectory);
            Directory.CreateDirectory(directory);
            o.UseSqlite($"Data Source={Path.Combine(directory, "playground.db")}").AddInterceptors(new SqliteConnectionSettings());
        });
        services.AddDbContextFactory<PostgresPlaygroundDbContext>((sp, o) =>
            o.UseNpgsql(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString));
        services.AddSingleton<PlaygroundDb>();
        services.AddSingleton<PlaygroundStore>();
        services.AddSingleton<Workshops.WorkshopStore>();
        services.AddSingleton<Workshops.PredictionStore>();
        services.AddHostedService<StorageMigrator>();
        services.AddHostedService<RunExpiry>();
        return services;
    }
}
