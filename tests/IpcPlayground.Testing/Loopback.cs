using System.Net;
using System.Net.Sockets;

namespace IpcPlayground.Testing;

/// <summary>For tests and benchmarks that start the server as its own process on 127.0.0.1.</summary>
public static class Loopback
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls <c>/health</c> every 100 ms until it answers 200 (or, with <paramref name="anyAnswer"/>, answers at all).</summary>
    public static async Task WaitHealthyAsync(HttpClient http, int attempts = 200, bool anyAnswer = false)
    {
        for (var i = 0; i < attempts; i++)
        {
            try
            {
                var status = (await http.GetAsync("/health")).StatusCode;
                if (status == HttpStatusCode.OK || (anyAnswer && status == HttpStatusCode.ServiceUnavailable)) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"the server did not become healthy in {attempts / 10} s");
    }
}
