using System.Text;

namespace IpcPlayground.Worker.Interop;

/// <summary>A sockaddr_un for an abstract name (leading NUL): it lives in the sandbox's network namespace, not on disk.</summary>
internal static class UnixAddress
{
    public static byte[] Abstract(string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        if (nameBytes.Length > 100) throw new ArgumentException("socket name too long", nameof(name));
        var address = new byte[2 + 1 + nameBytes.Length];
        address[0] = Libc.AF_UNIX;
        nameBytes.CopyTo(address, 3);
        return address;
    }
}
