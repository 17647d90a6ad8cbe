using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Interop;

/// <summary>A System V object's key, made as the C program makes it: a number, ftok of a file, or IPC_PRIVATE (0).</summary>
internal static class SysvKeys
{
    public const int Private = 0;

    public static int Of(PlanObject obj) => obj.SysvKey switch
    {
        SysvKeyKind.Ftok => Libc.Ftok(obj.Path!, obj.FtokProj),
        SysvKeyKind.Number => obj.KeyValue,
        SysvKeyKind.Private => Private,
    };

    /// <summary>The key as ipcs shows it (<c>0x41020304</c>), or <c>IPC_PRIVATE</c>.</summary>
    public static string Text(PlanObject obj) => obj.SysvKey == SysvKeyKind.Private ? "IPC_PRIVATE" : $"0x{Of(obj):x8}";
}
