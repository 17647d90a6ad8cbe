using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IpcPlayground.Storage;

/// <summary>
/// Per-connection SQLite settings. In WAL mode <c>synchronous=NORMAL</c> is still safe from corruption (a power cut can
/// lose the last commits, not the file) and spares an fsync per commit: SQLite's calls are synchronous underneath
/// EF Core's async API, so every fsync held a thread-pool thread, and at a room's rate of board saves the event
/// stream waited for threads.
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
