using System.Security.Cryptography;
using System.Text;
using IpcPlayground.Contracts.Ids;
using IpcPlayground.Contracts.Workshops;

namespace IpcPlayground.Server.Workshops;

/// <summary>
/// Keys are <c>i.{workshopId}.{secret}</c> for an instructor and <c>p.{participantId}.{secret}</c> for a participant:
/// the id finds the row, the 130-bit secret proves the holder. Only a hash of the secret is stored.
/// </summary>
public static class WorkshopKeys
{
    private const int SecretLength = 26;

    public sealed record ParsedKey(string Role, string Id, string Secret);

    public static (string Key, string Hash) NewInstructorKey(string workshopId) => New("i", workshopId);

    public static (string Key, string Hash) NewParticipantKey(string participantId) => New("p", participantId);

    public static ParsedKey? Parse(string key)
    {
        var parts = key.Split('.');
        if (parts is not [var kind, { Length: > 0 and <= 32 } id, { Length: SecretLength } secret]) return null;
        return kind switch
        {
            "i" => new ParsedKey(WorkshopRoles.Instructor, id, secret),
            "p" => new ParsedKey(WorkshopRoles.Participant, id, secret),
            _ => null,
        };
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares in constant time, so response times say nothing about how much of a guess was right.</summary>
    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));

    private static (string, string) New(string kind, string id)
    {
        var secret = Base32Id.Random(SecretLength);
        return ($"{kind}.{id}.{secret}", Hash(secret));
    }
}
