using System.Net;

namespace IpcPlayground.Server.Access;

/// <summary>
/// Who a request counts against for run slots and rate limits: its IPv4 address, or the /64 network of its IPv6
/// address — one subscriber gets a whole /64 and could otherwise take a slot per address of it.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context) => Of(context.Connection.RemoteIpAddress);

    /// <summary>
    /// What the store keeps to count a client's daily quotas by: a hash of <see cref="Of(HttpContext)"/>, so records do
    /// not hold addresses in the clear; the store forgets it once the day is over (an IPv4 hash is easily reversed).
    /// </summary>
    public static string KeyOf(HttpContext context) => Hash(Of(context));

    /// <summary>The same for a workshop participant, whose quotas are their own (a room may share one address).</summary>
    public static string KeyOfParticipant(string participantId) => Hash("participant:" + participantId);

    private static string Hash(string client) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(client)))[..32];

    public static string Of(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
