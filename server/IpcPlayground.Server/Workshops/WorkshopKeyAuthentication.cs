using System.Text.Encodings.Web;
using IpcPlayground.Contracts.Workshops;
using IpcPlayground.Storage.Workshops;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace IpcPlayground.Server.Workshops;

/// <summary>
/// Authenticates a workshop key sent as <c>Authorization: Bearer</c>, or as <c>access_token</c> on a hub (browsers
/// cannot set headers on a WebSocket). A request without a key stays anonymous: anonymous runs need none.
/// </summary>
public sealed class WorkshopKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, WorkshopStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "WorkshopKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedKey() is not { } key) return AuthenticateResult.NoResult();
        if (WorkshopKeys.Parse(key) is not { } parsed) return AuthenticateResult.Fail("the workshop key is malformed");
        var caller = await VerifyAsync(parsed);
        return caller is null
            ? AuthenticateResult.Fail("the workshop key is not valid")
            : AuthenticateResult.Success(new AuthenticationTicket(caller.ToPrincipal(SchemeName), SchemeName));
    }

    private string? PresentedKey()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        if (Request.Path.StartsWithSegments("/hubs") && Request.Query["access_token"].ToString() is { Length: > 0 } token) return token;
        return null;
    }

    private async Task<WorkshopCaller?> VerifyAsync(WorkshopKeys.ParsedKey key)
    {
        if (key.Role == WorkshopRoles.Instructor)
        {
            var workshop = await store.FindAsync(key.Id, Context.RequestAborted);
            return workshop is not null && WorkshopKeys.Matches(key.Secret, workshop.InstructorKeyHash)
                ? new WorkshopCaller(WorkshopRoles.Instructor, workshop.Id, null, "instructor")
                : null;
        }
        var participant = await store.FindParticipantAsync(key.Id, Context.RequestAborted);
        return participant is not null && WorkshopKeys.Matches(key.Secret, participant.KeyHash)
            ? new WorkshopCaller(WorkshopRoles.Participant, participant.WorkshopId, participant.Id, participant.Name)
            : null;
    }
}
