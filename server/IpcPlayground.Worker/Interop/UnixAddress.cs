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

    /// <summary>A sockaddr_un for a path on disk, NUL-terminated.</summary>
    public static byte[] Path(string path)
    {
        var pathBytes = Encoding.UTF8.GetBytes(path);
        if (pathBytes.Length > 107) throw new ArgumentException("socket path too long", nameof(path));
        var address = new byte[2 + pathBytes.Length + 1];
        address[0] = Libc.AF_UNIX;
        pathBytes.CopyTo(address, 2);
        return address;
    }

    /// <summary>A sockaddr_in for 127.0.0.1:<paramref name="port"/> (the sandbox's own loopback).</summary>
    public static byte[] Loopback(int port)
    {
        var address = new byte[16];
        address[0] = Libc.AF_INET;
        address[2] = (byte)(port >> 8);
        address[3] = (byte)port;
        address[4] = 127;
        address[7] = 1;
        return address;
    }
}
