using System.Net;
using System.Text;
using IpcPlayground.Testing;

namespace IpcPlayground.IntegrationTests;

/// <summary>
/// What another site can do to this one through its visitors' browsers. It can make them POST a form or text/plain
/// anywhere without asking, but not application/json without a preflight this server does not allow: so only JSON
/// starts runs and stores experiments. It cannot frame the page (the instructor board) nor inject scripts into it.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class CrossSiteTests(PlaygroundServer server)
{
    public static TheoryData<string, string> BodiesABrowserSendsCrossSite => new()
    {
        { "/api/runs", "text/plain" },
        { "/api/runs", "application/x-www-form-urlencoded" },
        { "/api/runs", "multipart/form-data" },
        { "/api/experiments", "text/plain" },
        { "/api/experiments", "application/x-www-form-urlencoded" },
    };

    [Theory]
    [MemberData(nameof(BodiesABrowserSendsCrossSite))]
    public async Task A_body_that_is_not_JSON_is_refused_with_415_and_nothing_starts_or_is_stored(string path, string mediaType)
    {
        using var http = server.CreateLoopbackClient();
        using var content = new StringContent(SampleExperiments.PipeByteStream, Encoding.UTF8);
        content.Headers.ContentType = new(mediaType);
        using var response = await http.PostAsync(path, content).DefaultTimeout();

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_body_as_JSON_is_accepted()
    {
        using var http = server.CreateLoopbackClient();
        using var response = await http.PostAsync("/api/experiments", new StringContent(SampleExperiments.PipeByteStream, Encoding.UTF8, "application/json")).DefaultTimeout();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/w/some-workshop")]
    [InlineData("/api/runs/unknown")]
    public async Task No_page_can_be_framed_sniffed_or_run_scripts_from_elsewhere(string path)
    {
        using var http = server.CreateLoopbackClient();
        using var response = await http.GetAsync(path).DefaultTimeout();

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self' 'wasm-unsafe-eval'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
