using System.Net;
using IpcPlayground.Runs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IpcPlayground.Testing;

/// <summary>
/// The real server on a Kestrel socket bound to 127.0.0.1 and a free port, with real bubblewrap sandboxes. Fails a
/// test run that logged an error it did not expect.
/// </summary>
public sealed class PlaygroundServer : WebApplicationFactory<Program>
{
    private readonly ErrorLogCollector _errors = new();
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly TemporaryDirectory? _data;
    private readonly Action<IServiceCollection>? _services;

    public PlaygroundServer() : this(new Dictionary<string, string?>(), null) { }

    /// <summary>
    /// A server with some configuration overridden, e.g. <c>["Runs:MaxTimeoutMs"] = "200"</c>. Without
    /// <c>Storage:DataDirectory</c> it gets a database of its own, deleted with it.
    /// </summary>
    public static PlaygroundServer WithSettings(IReadOnlyDictionary<string, string?> settings) => new(settings, null);

    /// <summary>
    /// A server with settings overridden and its services changed after the server registered its own, e.g. to
    /// decorate <see cref="IRunEventSink"/> in a benchmark.
    /// </summary>
    public static PlaygroundServer WithServices(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection> services) => new(settings, services);

    private PlaygroundServer(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        _services = services;
        if (!settings.ContainsKey("Storage:DataDirectory"))
        {
            _data = new TemporaryDirectory();
            settings = new Dictionary<string, string?>(settings) { ["Storage:DataDirectory"] = _data.Path };
        }
        _settings = settings;
        // Test assemblies carry the server's content root; a benchmark executable does not, so name it here.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_IPCPLAYGROUND_SERVER", RepositoryPath("server/IpcPlayground.Server"));
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First());
    }

    public Uri BaseAddress { get; }

    public static string RepositoryPath(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IpcPlayground.sln")))
                return Path.Combine(dir.FullName, relative);
        throw new DirectoryNotFoundException("the repository root (IpcPlayground.sln) is not above " + AppContext.BaseDirectory);
    }

    public IReadOnlyList<string> LoggedErrors => _errors.Errors;

    public HttpClient CreateLoopbackClient() => new() { BaseAddress = BaseAddress, Timeout = TaskTimeouts.Default };

    public RunRegistry Runs => Services.GetRequiredService<RunRegistry>();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _data?.Dispose();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(_errors));
        if (_services is not null) builder.ConfigureTestServices(_services);
    }
}
