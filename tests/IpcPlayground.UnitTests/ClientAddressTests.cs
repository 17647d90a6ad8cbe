using System.Net;
using IpcPlayground.Server.Access;

namespace IpcPlayground.UnitTests;

public sealed class ClientAddressTests
{
    [Fact]
    public void Addresses_of_one_IPv6_64_count_as_one_client_and_IPv4_as_itself()
    {
        Assert.Equal(ClientAddress.Of(IPAddress.Parse("2001:db8:1:2::1")), ClientAddress.Of(IPAddress.Parse("2001:db8:1:2:ffff:1:2:3")));
        Assert.Equal("2001:db8:1:2::/64", ClientAddress.Of(IPAddress.Parse("2001:db8:1:2:aaaa::9")));
        Assert.NotEqual(ClientAddress.Of(IPAddress.Parse("2001:db8:1:2::1")), ClientAddress.Of(IPAddress.Parse("2001:db8:1:3::1")));
        Assert.Equal("192.0.2.7", ClientAddress.Of(IPAddress.Parse("192.0.2.7")));
        Assert.Equal("192.0.2.7", ClientAddress.Of(IPAddress.Parse("::ffff:192.0.2.7")));
        Assert.Equal("unknown", ClientAddress.Of((IPAddress?)null));
    }
}
