using IpcPlayground.Fidelity.Oracle;

namespace IpcPlayground.IntegrationTests;

/// <summary>The run engine in this process (bubblewrap sandboxes, as the server runs them) and the fidelity oracle over it.</summary>
public sealed class FidelityFixture : IAsyncLifetime
{
    public const int Parallel = 3;
    private PlaygroundEngine? _engine;

    public DifferentialOracle Oracle { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _engine = await PlaygroundEngine.StartAsync(Parallel * 2, CancellationToken.None);
        Oracle = new DifferentialOracle(_engine);
    }

    public async Task DisposeAsync()
    {
        if (_engine is not null) await _engine.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class FidelityCollection : ICollectionFixture<FidelityFixture>
{
    public const string Name = "fidelity";
}
