using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace IpcPlayground.Testing;

/// <summary>The 400 of a bad body (an experiment, a measurement request): application/problem+json naming each bad field by its JSON path.</summary>
public static class ValidationProblems
{
    /// <summary>Asserts <paramref name="response"/> is that 400 with a message at <paramref name="path"/>; <paramref name="what"/> names the case in a failure.</summary>
    public static async Task AssertNamesPathAsync(HttpResponseMessage response, string what, string path)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: expected 400, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonNode.Parse(text)!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(path), $"{what}: expected an error at {path}, got {errors.ToJsonString()}");
        Assert.False(string.IsNullOrWhiteSpace(errors[path]![0]!.GetValue<string>()));
    }
}
