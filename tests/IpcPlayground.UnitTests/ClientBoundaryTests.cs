using System.Xml.Linq;

namespace IpcPlayground.UnitTests;

/// <summary>The browser sees only the public contract: never the worker protocol, never server code.</summary>
public sealed class ClientBoundaryTests
{
    private static string RepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IpcPlayground.sln")))
                return Path.Combine(dir.FullName, relative);
        throw new FileNotFoundException("repository root not found above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<string> ProjectReferences(string csproj) =>
        XDocument.Load(RepoFile(csproj)).Descendants("ProjectReference").Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value));

    [Fact]
    public void The_client_references_only_the_contracts()
    {
        Assert.Equal(["IpcPlayground.Contracts"], ProjectReferences("client/IpcPlayground.Client/IpcPlayground.Client.csproj"));
    }

    [Fact]
    public void The_contracts_reference_nothing_of_the_server()
    {
        Assert.Empty(ProjectReferences("shared/IpcPlayground.Contracts/IpcPlayground.Contracts.csproj"));
        Assert.DoesNotContain(typeof(IpcPlayground.Contracts.Events.RunEvent).Assembly.GetReferencedAssemblies(),
            a => a.Name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || a.Name == "IpcPlayground.WorkerProtocol");
    }
}
