namespace IpcPlayground.Worker.Execution;

/// <summary>The bytes a write or store of a <c>size</c> (without <c>data</c>) puts: a, b, c … z, a, … as the C program's.</summary>
internal static class GeneratedBytes
{
    public static byte[] Of(int size)
    {
        var bytes = new byte[size];
        for (var i = 0; i < size; i++) bytes[i] = (byte)('a' + i % 26);
        return bytes;
    }
}
