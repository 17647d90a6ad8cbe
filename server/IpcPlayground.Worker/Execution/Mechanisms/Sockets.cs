using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution.Mechanisms;

/// <summary>What Unix and TCP sockets share: an address, binding before the first step, connecting in an open, accepting.</summary>
internal static unsafe class Sockets
{
    public readonly record struct Address(int Domain, byte[] Bytes)
    {
        public static Address Unix(string path) => new(Libc.AF_UNIX, UnixAddress.Path(path));
        public static Address Loopback(int port) => new(Libc.AF_INET, UnixAddress.Loopback(port));
    }

    /// <summary>
    /// socket, bind and (for a connection-oriented type) listen; the descriptor is the <c>listener</c> or, for
    /// datagrams, the <c>bound</c> end.
    /// </summary>
    public static void Bind(PlanObject obj, ObjectHandles handles, Address address, int type)
    {
        var listens = type != Libc.SOCK_DGRAM;
        var fd = Libc.Socket(address.Domain, type, 0);
        var one = 1;
        if (address.Domain == Libc.AF_INET) Libc.SetSockOpt(fd, Libc.SOL_SOCKET, Libc.SO_REUSEADDR, &one, sizeof(int));
        fixed (byte* a = address.Bytes)
            if (fd < 0 || Libc.Bind(fd, a, address.Bytes.Length) != 0 || (listens && Libc.Listen(fd, 16) != 0))
                throw new IOException($"binding '{obj.Id}': {Errno.Name(Errno.Last())}");
        handles.Add(obj.Id, listens ? "listener" : "bound", fd);
    }

    /// <summary>An <c>open</c>: a new socket connected to the bound one, held as <paramref name="end"/>.</summary>
    public static void Connect(ObjectStep s, Address address, int type, string end)
    {
        var fd = Libc.Socket(address.Domain, type, 0);
        var bytes = address.Bytes;
        var outcome = s.Call("connect", () =>
        {
            fixed (byte* a = bytes) return Outcome.Of(Libc.Connect(fd, a, bytes.Length));
        });
        if (outcome.Result < 0) Libc.Close(fd);
        else s.Handles.Add(s.Object.Id, end, fd);
    }

    /// <summary>An <c>accept</c> on the listener: the connection is the process's <c>socket</c> end.</summary>
    public static void Accept(ObjectStep s)
    {
        var listener = s.Descriptor("listener");
        var outcome = s.Call("accept", () => Outcome.Of(Libc.Accept4(listener, null, null, 0)));
        if (outcome.Result >= 0) s.Handles.Add(s.Object.Id, "socket", (int)outcome.Result);
    }
}
