using IpcPlayground.Contracts.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace IpcPlayground.Testing;

/// <summary>
/// Hub connections as the page makes them: contract JSON, and a workshop key (if any) as the access token. Register
/// handlers before <c>StartAsync</c>, so nothing sent right after the start is missed.
/// </summary>
public static class PlaygroundHubs
{
    public static HubConnection Connection(Uri server, string path, string? key = null) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(server, path), o =>
            {
                if (key is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(key);
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.TypeInfoResolverChain.Insert(0, ContractsJsonContext.Default))
            .Build();
}
