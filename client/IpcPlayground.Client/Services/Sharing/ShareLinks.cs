using System.Text;
using IpcPlayground.Contracts.Sharing;

namespace IpcPlayground.Client.Services.Sharing;

/// <summary>The links the page hands out: stored experiments, self-contained ones, replays and a run's exports.</summary>
public static class ShareLinks
{
    /// <summary>The page's origin without a trailing slash, from NavigationManager.BaseUri ("http://host:port/").</summary>
    public static string Origin(string baseUri) => new Uri(baseUri).GetLeftPart(UriPartial.Authority);

    /// <summary>The absolute link to a stored experiment, from the server's <c>url</c> (<c>/e/{id}</c>).</summary>
    public static string Stored(string baseUri, SharedExperiment shared) => Origin(baseUri) + "/" + shared.Url.TrimStart('/');

    /// <summary>A link that carries the experiment itself: origin + "/#x=1.…".</summary>
    public static string SelfContained(string baseUri, string experimentJson) =>
        Origin(baseUri) + "/#" + SelfContainedLink.Fragment(Encoding.UTF8.GetBytes(experimentJson));

    public static string Replay(string baseUri, string runId) => Origin(baseUri) + "/r/" + Uri.EscapeDataString(runId);

    public static string ExportJson(string runId) => $"api/runs/{Uri.EscapeDataString(runId)}/export.json";

    public static string ExportTrace(string runId) => $"api/runs/{Uri.EscapeDataString(runId)}/trace.json";

    public static string ExportC(string experimentId) => $"api/experiments/{Uri.EscapeDataString(experimentId)}/export.c";

    /// <summary>
    /// The experiment a page address carries in its fragment: (null, null) when it carries none (no fragment, or one
    /// that is not <c>x=…</c>), the JSON text, or SelfContainedLink's word on why it cannot be read.
    /// </summary>
    public static (string? Json, string? Problem) FromAddress(string uri)
    {
        var hash = uri.IndexOf('#', StringComparison.Ordinal);
        if (hash < 0) return (null, null);
        var fragment = uri[(hash + 1)..];
        if (!fragment.StartsWith(SelfContainedLink.FragmentKey + "=", StringComparison.Ordinal)) return (null, null);
        var (bytes, problem) = SelfContainedLink.Read(fragment);
        return bytes is null ? (null, problem) : (Encoding.UTF8.GetString(bytes), null);
    }
}
