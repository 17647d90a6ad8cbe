using System.Net;
using System.Net.Sockets;

namespace IpcPlayground.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster from Debian's packages, on 127.0.0.1 and a free port, trusting local connections,
/// deleted on dispose. As root it runs as the <c>postgres</c> user (initdb refuses root).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly string _bin;
    private readonly string _data;

    private PostgresServer(string bin)
    {
        _bin = bin;
        _data = Path.Combine(_directory.Path, "cluster");
        Port = FreePort();
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=playground";

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
            : null;
        if (bin is null) throw new InvalidOperationException("PostgreSQL is not installed: scripts/prerequisites.sh installs Debian's postgresql");
        var server = new PostgresServer(bin);
        if (Environment.UserName == "root") await Run("chown", "postgres:postgres", server._directory.Path);
        await server.AsPostgres("initdb", "-D", server._data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8");
        await server.AsPostgres("pg_ctl", "-D", server._data, "-w", "-l", Path.Combine(server._directory.Path, "log"), "-o",
            $"-c listen_addresses=127.0.0.1 -p {server.Port} -k {server._directory.Path} -c fsync=off", "start");
        await server.AsPostgres("createdb", "-h", "127.0.0.1", "-p", $"{server.Port}", "-U", "postgres", "playground");
        return server;
    }

    private Task AsPostgres(string tool, params string[] arguments) =>
        Environment.UserName == "root"
            ? Run("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments])
            : Run(Path.Combine(_bin, tool), arguments);

    private static Task Run(string file, params string[] arguments) => ExternalCommand.RunAsync(file, arguments, workingDirectory: "/tmp");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try { await AsPostgres("pg_ctl", "-D", _data, "-m", "immediate", "-w", "stop"); }
        catch (InvalidOperationException) { }
        _directory.Dispose();
    }
}
