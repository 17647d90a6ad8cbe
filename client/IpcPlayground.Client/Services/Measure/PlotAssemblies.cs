using Microsoft.AspNetCore.Components.WebAssembly.Services;

namespace IpcPlayground.Client.Services.Measure;

/// <summary>
/// Plotly.Blazor (5 MB of IL) is not part of the page's first load (BlazorWebAssemblyLazyLoad in the project file): it
/// is fetched when /measure or /m/{id} is opened (App.razor), and plotly.js itself only when a chart first renders
/// there (PlotlyChart imports it). Only Components/Measure/MeasurePlots.razor names a Plotly type.
/// </summary>
public sealed class PlotAssemblies(LazyAssemblyLoader loader) : LazyAssemblies(loader, Files)
{
    /// <summary>
    /// The lazily loaded files; the project file's BlazorWebAssemblyLazyLoad list holds them too (a test checks). With
    /// Plotly.Blazor, the framework assemblies only it uses (its JSON converters parse property names with Regex, read
    /// EnumMember names …): the first load has none of them, measured with the firstload benchmark.
    /// </summary>
    public static readonly IReadOnlyList<string> Files =
    [
        "Plotly.Blazor.wasm",
        "System.Text.RegularExpressions.wasm",
        "System.Linq.Expressions.wasm",
        "System.Runtime.InteropServices.wasm",
        "System.Runtime.Serialization.Primitives.wasm",
        "System.ObjectModel.wasm",
    ];

    /// <summary>The page addresses (without the leading slash) that draw plots.</summary>
    public static bool DrawsPlots(string path) =>
        path == "measure" || path.StartsWith("measure?", StringComparison.Ordinal) || path.StartsWith("m/", StringComparison.Ordinal);
}
