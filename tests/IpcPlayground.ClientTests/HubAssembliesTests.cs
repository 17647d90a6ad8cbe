using System.Xml.Linq;
using IpcPlayground.Client.Services;

namespace IpcPlayground.ClientTests;

/// <summary>The assemblies left out of the first load are exactly those the page loads on its first hub connection.</summary>
public sealed class HubAssembliesTests
{
    [Fact]
    public void The_project_files_lazy_list_is_the_one_the_page_loads()
    {
        var project = XDocument.Load(Path.Combine(StaticShellTests.RepositoryRoot(), "client/IpcPlayground.Client/IpcPlayground.Client.csproj"));
        var lazy = project.Descendants("BlazorWebAssemblyLazyLoad").Select(e => (string)e.Attribute("Include")!).Order().ToList();
        Assert.Equal(HubAssemblies.Files.Order(), lazy);
        Assert.Contains("Microsoft.AspNetCore.SignalR.Client.wasm", lazy);
    }
}
