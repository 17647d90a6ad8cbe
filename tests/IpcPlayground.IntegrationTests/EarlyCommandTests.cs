using System.Net;
using IpcPlayground.Sandbox;
using IpcPlayground.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IpcPlayground.IntegrationTests;

/// <summary>
/// A step-mode command sent the moment a run is accepted: the server writes it to the supervisor right after the plan,
/// and on a busy machine the supervisor reads both at once. Here the supervisor's input holds back the plan until the
/// next write, so both always come in one read.
/// </summary>
public sealed class EarlyCommandTests : IAsyncLifetime
{
    private const string TwoProcesses = """
        { "format": 1, "objects": [ { "id": "counter", "type": "posix-shm" } ],
          "processes": [
            { "id": "a", "steps": [ { "op": "increment", "object": "counter", "offset": 0, "times": 1 } ] },
            { "id": "b", "steps": [ { "op": "increment", "object": "counter", "offset": 0, "times": 1 } ] } ] }
        """;

    private readonly PlaygroundServer _server = PlaygroundServer.WithServices(new Dictionary<string, string?>(), services =>
    {
        services.RemoveAll<ISandbox>();
        services.AddSingleton<BubblewrapSandbox>();
        services.AddSingleton<ISandbox>(sp => new PlanHeldBackSandbox(sp.GetRequiredService<BubblewrapSandbox>()));
    });

    private sealed class PlanHeldBackSandbox(ISandbox inner) : ISandbox
    {
        public string Kind => inner.Kind;

        public async Task<ISandboxedRun> StartAsync(string runId, SandboxProgram program) => new PlanHeldBack(await inner.StartAsync(runId, program));
    }

    /// <summary>The run as started, but the first flush of its input (the plan's) is held back until the second.</summary>
    private sealed class PlanHeldBack(ISandboxedRun run) : ISandboxedRun
    {
        public int HostPid => run.HostPid;
        public IReadOnlyList<string> Enforced => run.Enforced;
        public IReadOnlyList<(string Limit, string Message)> LimitsHit() => run.LimitsHit();
        public Stream Input { get; } = new FirstFlushHeldBack(run.Input);
        public Stream Output => run.Output;
        public string Diagnostics => run.Diagnostics;
        public void Kill() => run.Kill();
        public Task WaitForExitAsync(CancellationToken cancellationToken) => run.WaitForExitAsync(cancellationToken);
        public ValueTask DisposeAsync() => run.DisposeAsync();
    }

    private sealed class FirstFlushHeldBack(Stream inner) : Stream
    {
        private readonly MemoryStream _pending = new();
        private int _flushes;

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            await _pending.WriteAsync(buffer, cancellationToken);

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (++_flushes == 1) return;
            await inner.WriteAsync(_pending.ToArray(), cancellationToken);
            _pending.SetLength(0);
            await inner.FlushAsync(cancellationToken);
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _pending.Write(buffer, offset, count);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _pending.Dispose();
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_resume_sent_before_the_sandbox_is_up_runs_the_run_to_its_end()
    {
        var api = new RunApi(_server.CreateLoopbackClient());
        var runId = await api.StartAsync(TwoProcesses, mode: "step");
        using (var resumed = await api.ControlAsync(runId, "resume"))
            Assert.Equal(HttpStatusCode.Accepted, resumed.StatusCode);

        var events = await api.EventsAsync(runId);

        Assert.Equal("completed", events[^1].Str("status"));
        Assert.Equal(2, events.Count(e => e.Is("syscall", null, "increment")));
        Assert.DoesNotContain(events, e => e.Is("paused"));
    }
}
