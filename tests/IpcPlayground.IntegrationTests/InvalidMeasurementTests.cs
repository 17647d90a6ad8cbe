using System.Net;
using System.Text.Json.Nodes;
using IpcPlayground.Testing;

namespace IpcPlayground.IntegrationTests;

/// <summary>A bad measurement request gets 400 application/problem+json naming the JSON path of each bad field, as a bad experiment does.</summary>
[Collection(ServerCollection.Name)]
public sealed class InvalidMeasurementTests(PlaygroundServer server)
{
    private readonly MeasurementApi _api = new(server.CreateLoopbackClient());

    public static TheoryData<string, string, string> Cases => new()
    {
        { "unknown mechanism", """{ "mechanisms": ["pipe", "carrier-pigeon"] }""", "mechanisms[1]" },
        { "size out of range", """{ "sizes": [0, 64] }""", "sizes[0]" },
        { "unknown pattern", """{ "pattern": "broadcast" }""", "pattern" },
        { "unknown placement", """{ "cpus": "all" }""", "cpus" },
        { "unknown format", """{ "format": 2 }""", "format" },
        { "eventfd as a stream", """{ "mechanisms": ["pipe", "eventfd"], "pattern": "stream" }""", "mechanisms[1]" },
        { "wrong JSON type", """{ "sizes": ["big"] }""", "sizes[0]" },
        { "unknown field", """{ "colour": "red" }""", "colour" },
        { "not JSON", "{ this is not json", "$" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Is_refused_with_a_problem_naming_the_path(string what, string body, string path)
    {
        using var response = await _api.PostAsync(body);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: expected 400, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonNode.Parse(text)!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(path), $"{what}: expected an error at {path}, got {errors.ToJsonString()}");
        Assert.False(string.IsNullOrWhiteSpace(errors[path]![0]!.GetValue<string>()));
    }

    [Fact]
    public async Task Every_bad_field_of_one_request_is_named_at_once()
    {
        using var response = await _api.PostAsync("""{ "format": 2, "mechanisms": ["pipe", "nope"], "sizes": [64, 2097152], "pattern": "x", "cpus": "y" }""");
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["cpus", "format", "mechanisms[1]", "pattern", "sizes[1]"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_415_and_an_unknown_measurement_404()
    {
        using var http = server.CreateLoopbackClient();
        using var form = await http.PostAsync("/api/measurements", new FormUrlEncodedContent([new("mechanisms", "pipe")])).DefaultTimeout();
        using var summary = await http.GetAsync("/api/measurements/nosuchmeasurement").DefaultTimeout();
        using var events = await http.GetAsync("/api/measurements/nosuchmeasurement/events").DefaultTimeout();

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, summary.StatusCode);
        Assert.Equal("application/problem+json", summary.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no measurement 'nosuchmeasurement'", await summary.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, events.StatusCode);
    }
}
