using IpcPlayground.Server.Workshops;
using System.Security.Claims;
using IpcPlayground.Runs;
using IpcPlayground.Storage.Workshops;

namespace IpcPlayground.Server.Access;

/// <summary>
/// Who may see and steer a run. Anyone may an anonymous run (its id is unguessable). A workshop participant's run:
/// its owner and the workshop's instructor; to read only, also the workshop's participants while its owner is in
/// the spotlight. Everyone else is told the run does not exist.
/// </summary>
public sealed class RunAccess(WorkshopStore store)
{
    public async Task<bool> CanReadAsync(ClaimsPrincipal user, Run run, CancellationToken cancellationToken)
    {
        if (CanControl(user, run)) return true;
        return run.Owner is { } owner && WorkshopCaller.Of(user) is { } caller && caller.WorkshopId == owner.WorkshopId
            && await store.SpotlightOfAsync(owner.WorkshopId, cancellationToken) == owner.ParticipantId;
    }

    public static bool CanControl(ClaimsPrincipal user, Run run)
    {
        if (run.Owner is not { } owner) return true;
        return WorkshopCaller.Of(user) is { } caller && caller.WorkshopId == owner.WorkshopId
            && (caller.IsInstructor || caller.ParticipantId == owner.ParticipantId);
    }
}
