using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IpcPlayground.Storage.Design;

/// <summary>For <c>dotnet ef migrations add NAME --context SqlitePlaygroundDbContext -o Migrations/Sqlite</c>.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePlaygroundDbContext>
{
    public SqlitePlaygroundDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePlaygroundDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>For <c>dotnet ef migrations add NAME --context PostgresPlaygroundDbContext -o Migrations/Postgres</c>; no server is contacted.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPlaygroundDbContext>
{
    public PostgresPlaygroundDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPlaygroundDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
