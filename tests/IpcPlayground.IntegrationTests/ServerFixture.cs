using IpcPlayground.Testing;

namespace IpcPlayground.IntegrationTests;

/// <summary>One real server for all integration tests; each test makes its own runs.</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<PlaygroundServer>
{
    public const string Name = "server";
}
