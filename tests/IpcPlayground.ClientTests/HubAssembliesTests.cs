using System.Xml.Linq;
using IpcPlayground.Client.Services;

namespace IpcPlayground.ClientTests;

/// <summary>
/// The assemblies left out of the first load are exactly those the page loads on its first hub connection; the
/// measure page's plotly.js is fetched by its plots alone, with no charting assembly in the page.
/// </summary>
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

    [Fact]
    public void The_page_ships_no_charting_assembly_and_only_the_measure_plots_fetch_plotly_js()
    {
        Assert.DoesNotContain(typeof(IpcPlayground.Client.App).Assembly.GetReferencedAssemblies(), a => a.Name!.StartsWith("Plotly", StringComparison.Ordinal));
        var root = StaticShellTests.RepositoryRoot();
        var client = Path.Combine(root, "client/IpcPlayground.Client");
        var naming = Directory.EnumerateFiles(client, "*.*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("plotly-basic", StringComparison.Ordinal) || File.ReadAllText(f).Contains("measure-plots.js", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(client, f))
            .Order();
        Assert.Equal(["Components/Measure/MeasurePlots.razor", "wwwroot/js/measure-plots.js"], naming);
    }
}
