using System.IO.Pipelines;
using System.Text.Json;
using IpcPlayground.Sandbox;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.IntegrationTests;

/// <summary>What the fake worker does after its machine frame.</summary>
public enum FakeMeasureEnding
{
    /// <summary>A cell for every planned one, then exit.</summary>
    Completes,

    /// <summary>The first cell, then nothing until it is killed.</summary>
    Hangs,

    /// <summary>The first cell, then exit with a message on standard error.</summary>
    Dies,
}

/// <summary>
/// A sandbox whose <c>ipcplay-worker measure</c> is a few lines of C#: it reads the plan as the real one does and
/// answers with frames, so the server's endings (limit, shutdown, a dying worker) are tested in milliseconds.
/// </summary>
public sealed class FakeMeasureSandbox(FakeMeasureEnding ending) : ISandbox
{
    public const string DiesWith = "fake worker: Segmentation fault in the shm-ring loop";

    private int _started;
    private int _disposed;
    private readonly TaskCompletionSource<MeasurePlan> _plan = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Kind => "fake";
    public int Started => Volatile.Read(ref _started);
    public int Disposed => Volatile.Read(ref _disposed);

    /// <summary>The first plan a fake worker read.</summary>
    public Task<MeasurePlan> Plan => _plan.Task;

    public Task<ISandboxedRun> StartAsync(string runId, SandboxProgram program)
    {
        Assert.Equal(SandboxProgram.Measure, program);
        Interlocked.Increment(ref _started);
        return Task.FromResult<ISandboxedRun>(new FakeRun(this));
    }

    /// <summary>The figures the fake gives a cell: 1000 messages in 1 ms at 1/2/5 µs, the C loop 10% faster.</summary>
    public static LoopFigures Figures(bool reference = false) =>
        new() { Messages = 1000, ElapsedNs = reference ? 900_000 : 1_000_000, P50 = 1000, P90 = 2000, P99 = 5000 };

    private sealed class FakeRun : ISandboxedRun
    {
        private readonly FakeMeasureSandbox _sandbox;
        private readonly Pipe _input = new();
        private readonly Pipe _output = new();
        private readonly CancellationTokenSource _killed = new();
        private readonly Task _worker;
        private string _diagnostics = "";

        public FakeRun(FakeMeasureSandbox sandbox)
        {
            _sandbox = sandbox;
            Input = _input.Writer.AsStream();
            Output = _output.Reader.AsStream();
            _worker = Task.Run(WorkAsync);
        }

        public int HostPid => Environment.ProcessId;
        public IReadOnlyList<string> Enforced => ["fake"];
        public IReadOnlyList<(string Limit, string Message)> LimitsHit() => [];
        public Stream Input { get; }
        public Stream Output { get; }
        public string Diagnostics => _diagnostics;

        private async Task WorkAsync()
        {
            try
            {
                using var reader = new StreamReader(_input.Reader.AsStream());
                var plan = JsonSerializer.Deserialize(await reader.ReadLineAsync(_killed.Token) ?? "", WorkerProtocolJsonContext.Default.MeasurePlan)!;
                _sandbox._plan.TrySetResult(plan);
                await WriteAsync(new MachineFrame
                {
                    Cpus = 2, CpuModel = "Fake CPU", Kernel = "6.1.0-fake",
                    MemcpyBytesPerSecond = plan.Cells.Select(c => c.Size).Distinct().ToDictionary(size => size, size => 1e10 + size),
                });
                foreach (var cell in _sandbox.Ending == FakeMeasureEnding.Completes ? plan.Cells : plan.Cells.Take(1))
                    await WriteAsync(new MeasuredCellFrame
                    {
                        Mechanism = cell.Mechanism, Size = cell.Size, Worker = Figures(),
                        Reference = plan.Reference ? Figures(reference: true) : null,
                    });
                if (_sandbox.Ending == FakeMeasureEnding.Hangs) await Task.Delay(Timeout.Infinite, _killed.Token);
                if (_sandbox.Ending == FakeMeasureEnding.Dies) _diagnostics = DiesWith;
            }
            catch (OperationCanceledException) { }
            finally
            {
                await _output.Writer.CompleteAsync();
            }
        }

        private async Task WriteAsync(IMeasureFrame frame)
        {
            await _output.Writer.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(frame, WorkerProtocolJsonContext.Default.IMeasureFrame), _killed.Token);
            await _output.Writer.WriteAsync("\n"u8.ToArray(), _killed.Token);
        }

        public void Kill() => _killed.Cancel();

        public Task WaitForExitAsync(CancellationToken cancellationToken) => _worker.WaitAsync(cancellationToken);

        public async ValueTask DisposeAsync()
        {
            Kill();
            await _worker;
            await _input.Reader.CompleteAsync();
            _killed.Dispose();
            Interlocked.Increment(ref _sandbox._disposed);
        }
    }

    private FakeMeasureEnding Ending => ending;
}
