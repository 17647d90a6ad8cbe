using IpcPlayground.Worker.Interop;

namespace IpcPlayground.Worker.Execution.Mechanisms;

/// <summary>
/// sendFd and receiveFd on a Unix socket: one byte, 'F', carrying a descriptor (SCM_RIGHTS) — the calls of
/// Native/descriptor_passing.c, which the C export makes too.
/// </summary>
internal static unsafe class PassedDescriptors
{
    private const int MSG_DONTWAIT = 0x40;

    /// <summary>sendmsg on <paramref name="socket"/> (to <paramref name="address"/>, for an unconnected datagram socket) of the step's descriptor.</summary>
    public static void Send(ObjectStep s, int socket, byte[]? address = null)
    {
        var passed = s.PassedDescriptor;
        s.Call("sendmsg", () =>
        {
            fixed (byte* a = address)
                return Outcome.Of(Libc.SendFd(socket, passed, a, address?.Length ?? 0, 0));
        });
    }

    /// <summary>recvmsg on <paramref name="socket"/>: the byte, and the descriptor that came with it, which the process holds from then on.</summary>
    public static void Receive(ObjectStep s, int socket)
    {
        var flags = s.Step.Nowait == true ? MSG_DONTWAIT : 0;
        int? received = null;
        s.Call("recvmsg", () =>
        {
            byte b;
            int fd;
            var outcome = Outcome.Of(Libc.ReceiveFd(socket, &b, flags, &fd));
            if (outcome.Result < 0) return outcome;
            if (fd >= 0) received = fd;
            return outcome.Result > 0 ? outcome with { Data = [b] } : outcome;
        }, details: (_, end) => end with { ReceivedFd = received });
        if (received is { } descriptor) s.HoldReceived(descriptor);
    }
}
