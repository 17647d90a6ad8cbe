using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IpcPlayground.Testing;

/// <summary>
/// A throwaway Redis from Debian's <c>redis-server</c>, on 127.0.0.1 and a free port, keeping nothing on disk
/// (<c>--save "" --appendonly no</c>), in a temporary directory; stopped and removed on dispose.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const string Executable = "/usr/bin/redis-server";
    private readonly TemporaryDirectory _directory = new();
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private RedisServer()
    {
        Port = Loopback.FreePort();
        var start = new ProcessStartInfo(Executable) { WorkingDirectory = _directory.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["--bind", "127.0.0.1", "--port", $"{Port}", "--save", "", "--appendonly", "no",
                     "--dir", _directory.Path, "--logfile", LogPath, "--daemonize", "no"])
            start.ArgumentList.Add(argument);
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string, as <c>ScaleOut:Redis</c> takes it.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private string LogPath => Path.Combine(_directory.Path, "redis.log");

    public static async Task<RedisServer> StartAsync()
    {
        if (!File.Exists(Executable)) throw new InvalidOperationException("Redis is not installed: scripts/prerequisites.sh --tests installs Debian's redis-server");
        var server = new RedisServer();
        try
        {
            await server.WaitForPongAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task WaitForPongAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (_process.HasExited) break;
            if (await AnswersPingAsync()) return;
            await Task.Delay(50);
        }
        var log = File.Exists(LogPath) ? await File.ReadAllTextAsync(LogPath) : "";
        lock (_output) log += _output.ToString();
        throw new InvalidOperationException($"redis-server on port {Port} did not answer PING: {log}");
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port).WaitAsync(TimeSpan.FromSeconds(1));
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(1));
            return Encoding.ASCII.GetString(buffer, 0, read) == "+PONG\r\n";
        }
        catch (Exception e) when (e is SocketException or IOException or TimeoutException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync().DefaultTimeout();
        }
        _process.Dispose();
        _directory.Dispose();
    }
}
