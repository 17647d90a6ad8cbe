using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Workshops;

namespace IpcPlayground.Client.Services.Workshops;

/// <summary>The browser's side of <c>/api/workshops</c>: create, join, and read a workshop with a key.</summary>
public sealed class WorkshopsClient(HttpClient http)
{
    /// <summary>Creates a workshop; answers its links and keys, or the server's errors by JSON path (e.g. <c>experiments[1].link</c>).</summary>
    public async Task<(CreatedWorkshop? Created, IReadOnlyList<ValidationError> Errors)> CreateAsync(CreateWorkshopRequest request)
    {
        using var response = await http.PostAsJsonAsync("api/workshops", request, ContractsJsonContext.Default.CreateWorkshopRequest);
        if (response.IsSuccessStatusCode)
            return (await response.Content.ReadFromJsonAsync(ContractsJsonContext.Default.CreatedWorkshop), []);
        return (null, await ProblemReader.ErrorsAsync(response));
    }

    /// <summary>Joins by code with a display name; answers the participant's key, or why the server refused (unknown code, closed, full).</summary>
    public async Task<(JoinedWorkshop? Joined, string? Problem)> JoinAsync(string code, string name)
    {
        using var response = await http.PostAsJsonAsync("api/workshops/join", new JoinWorkshopRequest(code, name),
            ContractsJsonContext.Default.JoinWorkshopRequest);
        if (response.IsSuccessStatusCode)
            return (await response.Content.ReadFromJsonAsync(ContractsJsonContext.Default.JoinedWorkshop), null);
        return (null, string.Join("; ", (await ProblemReader.ErrorsAsync(response)).Select(e => e.Message)));
    }

    /// <summary>The title of the room a code opens and whether it takes people; null when no workshop has the code.</summary>
    public async Task<WorkshopPreview?> PreviewAsync(string code)
    {
        using var response = await http.GetAsync($"api/workshops/join/{Uri.EscapeDataString(code)}");
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(ContractsJsonContext.Default.WorkshopPreview);
    }

    /// <summary>The workshop as the key's holder sees it; null when the key is not (or no longer) valid for it.</summary>
    public async Task<WorkshopInfo?> GetAsync(WorkshopKey key)
    {
        using var request = key.Request(HttpMethod.Get, $"api/workshops/{Uri.EscapeDataString(key.WorkshopId)}");
        using var response = await http.SendAsync(request);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(ContractsJsonContext.Default.WorkshopInfo);
    }
}
