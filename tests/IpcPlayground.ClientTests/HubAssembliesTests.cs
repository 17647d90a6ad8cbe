using System.Xml.Linq;
using System.Reflection;
using IpcPlayground.Client.Services;
using IpcPlayground.Client.Services.Measure;
using Microsoft.AspNetCore.Components;

namespace IpcPlayground.ClientTests;

/// <summary>
/// The assemblies left out of the first load are exactly those the page loads later: on its first hub connection
/// (SignalR), or on opening the measure page (Plotly.Blazor) — and no other page names a Plotly type.
/// </summary>
public sealed class HubAssembliesTests
{
    [Fact]
    public void The_project_files_lazy_list_is_the_one_the_page_loads()
    {
        var project = XDocument.Load(Path.Combine(StaticShellTests.RepositoryRoot(), "client/IpcPlayground.Client/IpcPlayground.Client.csproj"));
        var lazy = project.Descendants("BlazorWebAssemblyLazyLoad").Select(e => (string)e.Attribute("Include")!).Order().ToList();
        Assert.Equal(HubAssemblies.Files.Concat(PlotAssemblies.Files).Order(), lazy);
        Assert.Contains("Microsoft.AspNetCore.SignalR.Client.wasm", lazy);
        Assert.Contains("Plotly.Blazor.wasm", lazy);
    }

    [Fact]
    public void Plotly_is_loaded_for_the_measure_page_only()
    {
        var routes = typeof(IpcPlayground.Client.App).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (Page: t, Path: r.Template.TrimStart('/'))))
            .ToList();
        Assert.Contains(routes, r => r.Page == typeof(IpcPlayground.Client.Pages.Playground) && r.Path == "");
        foreach (var (page, path) in routes)
            Assert.Equal(page == typeof(IpcPlayground.Client.Pages.Measure), PlotAssemblies.DrawsPlots(path.Replace("{MeasurementId}", "abc", StringComparison.Ordinal)));
        Assert.True(PlotAssemblies.DrawsPlots("measure?mechanisms=pipe"));
        Assert.False(PlotAssemblies.DrawsPlots("measurements"));
    }

    [Fact]
    public void Only_the_plots_component_names_a_plotly_type()
    {
        var plotly = typeof(Plotly.Blazor.PlotlyChart).Assembly;
        const BindingFlags all = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var naming = typeof(IpcPlayground.Client.App).Assembly.GetTypes()
            .Where(t => t.GetFields(all).Select(f => f.FieldType)
                .Concat(t.GetProperties(all).Select(p => p.PropertyType))
                .Concat(t.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
                .Any(type => Names(type, plotly)))
            .Select(t => t.DeclaringType ?? t)
            .Distinct()
            .ToList();
        Assert.Equal([typeof(IpcPlayground.Client.Components.Measure.MeasurePlots)], naming);
    }

    private static bool Names(Type type, Assembly assembly) =>
        type.Assembly == assembly || type.IsGenericType && type.GetGenericArguments().Any(a => Names(a, assembly)) || type.HasElementType && Names(type.GetElementType()!, assembly);
}
