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
    /// What the store keeps to count a client's quotas by: a hash of <see cref="Of(HttpContext)"/>, so records do not
    /// hold addresses in the clear.
    /// </summary>
    public static string KeyOf(HttpContext context) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Of(context))))[..32];

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
