using System.Security.Claims;
using IpcPlayground.Contracts.Workshops;

namespace IpcPlayground.Server.Workshops;

/// <summary>Who presented a workshop key: their role, their workshop, and (for a participant) who they are.</summary>
public sealed record WorkshopCaller(string Role, string WorkshopId, string? ParticipantId, string Name)
{
    public const string WorkshopClaim = "ipcplay:workshop";
    public const string ParticipantClaim = "ipcplay:participant";

    public bool IsInstructor => Role == WorkshopRoles.Instructor;

    public static WorkshopCaller? Of(ClaimsPrincipal? user)
    {
        if (user?.FindFirst(WorkshopClaim)?.Value is not { } workshop || user.FindFirst(ClaimTypes.Role)?.Value is not { } role) return null;
        return new WorkshopCaller(role, workshop, user.FindFirst(ParticipantClaim)?.Value, user.FindFirst(ClaimTypes.Name)?.Value ?? "");
    }

    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        List<Claim> claims = [new(ClaimTypes.Role, Role), new(WorkshopClaim, WorkshopId), new(ClaimTypes.Name, Name)];
        if (ParticipantId is not null) claims.Add(new Claim(ParticipantClaim, ParticipantId));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
