namespace IpcPlayground.Client.Services.Workshops;

/// <summary>
/// A workshop and the key that acts in it: the instructor's (<c>i.…</c>, from the fragment of the instructor link) or
/// a participant's (<c>p.…</c>, from joining). The server decides what either may do; the page only shows it.
/// </summary>
public sealed record WorkshopKey(string WorkshopId, string Key)
{
    public bool IsInstructor => Key.StartsWith("i.", StringComparison.Ordinal);

    /// <summary>The participant a participant key belongs to (<c>p.{participantId}.{secret}</c>); null for the instructor's.</summary>
    public string? ParticipantId => Key.Split('.') is ["p", var id, _] ? id : null;

    /// <summary>A request that presents this key (<c>Authorization: Bearer</c>).</summary>
    public HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new("Bearer", Key);
        return request;
    }

    /// <summary>The instructor key carried in an address's fragment (<c>/w/{id}#key=i.…</c>), or null.</summary>
    public static WorkshopKey? FromInstructorAddress(string workshopId, string address)
    {
        var hash = address.IndexOf('#');
        if (hash < 0) return null;
        foreach (var part in address[(hash + 1)..].Split('&'))
        {
            if (!part.StartsWith("key=", StringComparison.Ordinal)) continue;
            var key = Uri.UnescapeDataString(part["key=".Length..]);
            return key.StartsWith($"i.{workshopId}.", StringComparison.Ordinal) ? new WorkshopKey(workshopId, key) : null;
        }
        return null;
    }
}
