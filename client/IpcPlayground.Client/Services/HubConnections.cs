using IpcPlayground.Client.Services.Workshops;
using IpcPlayground.Contracts.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace IpcPlayground.Client.Services;

/// <summary>
/// How the page connects to a hub: the contract's JSON, the workshop key as <c>access_token</c> when there is one,
/// and reconnecting for as long as the page is open (SignalR's default gives up after about 40 s, and a classroom's
/// Wi-Fi can be away for longer).
/// </summary>
public static class HubConnections
{
    public static HubConnection Build(NavigationManager navigation, string path, WorkshopKey? key = null) =>
        new HubConnectionBuilder()
            .WithUrl(navigation.ToAbsoluteUri(path.TrimStart('/')), options =>
            {
                if (key is not null) options.AccessTokenProvider = () => Task.FromResult<string?>(key.Key);
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.TypeInfoResolverChain.Insert(0, ContractsJsonContext.Default))
            .WithAutomaticReconnect(new KeepTrying())
            .Build();

    private sealed class KeepTrying : IRetryPolicy
    {
        private static readonly TimeSpan[] First = [TimeSpan.Zero, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)];

        public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
            retryContext.PreviousRetryCount < First.Length ? First[retryContext.PreviousRetryCount] : TimeSpan.FromSeconds(15);
    }
}
