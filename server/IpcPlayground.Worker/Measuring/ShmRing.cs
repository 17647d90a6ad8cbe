using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace IpcPlayground.Worker.Measuring;

/// <summary>
/// A single-producer single-consumer ring of fixed-size slots in shared memory. Each side spins briefly, then sleeps
/// on a futex, only when the ring is empty (consumer) or full (producer); the other side wakes it only when it says
/// it sleeps. The same steps and memory orders as ring_send/ring_receive in the C reference.
/// </summary>
internal static unsafe class ShmRing
{
    public const int RingBytes = 256 * 1024;
    public const int Line = 64;
    /// <summary>How long a side spins before it sleeps, when the other side can run meanwhile (not on the same CPU).</summary>
    public const int Spins = 256;

    [StructLayout(LayoutKind.Explicit, Size = 4 * Line)]
    public struct Header
    {
        [FieldOffset(0)] public ulong Head;
        [FieldOffset(Line)] public ulong Tail;
        [FieldOffset(2 * Line)] public uint ConsumerWaiting;
        [FieldOffset(3 * Line)] public uint ProducerWaiting;
    }

    public static (int Stride, long Slots) Geometry(int size)
    {
        var stride = (size + Line - 1) / Line * Line;
        return (stride, Math.Max(4, RingBytes / stride));
    }

    public static void Send(in MeasureChannel channel, byte* message, int size)
    {
        Header* r = channel.Ring;
        byte* slots = channel.Shared;
        var (count, stride, spins) = (channel.Slots, channel.Stride, channel.Spins);
        var head = r->Head;
        if (head - Volatile.Read(ref r->Tail) == (ulong)count)
        {
            for (var i = 0; i < spins && head - Volatile.Read(ref r->Tail) == (ulong)count; i++) X86Base.Pause();
            while (true)
            {
                if (head - Volatile.Read(ref r->Tail) != (ulong)count) break;
                Interlocked.Exchange(ref r->ProducerWaiting, 1);
                var tail = Volatile.Read(ref r->Tail);
                if (head - tail == (ulong)count) MeasureLibc.FutexWait(&r->Tail, (uint)tail);
                r->ProducerWaiting = 0;
            }
        }
        MeasureLibc.MemCpy(slots + (long)(head % (ulong)count) * stride, message, size);
        Interlocked.Exchange(ref r->Head, head + 1);
        if (Volatile.Read(ref r->ConsumerWaiting) != 0) MeasureLibc.FutexWake(&r->Head);
    }

    public static void Receive(in MeasureChannel channel, byte* message, int size)
    {
        Header* r = channel.Ring;
        byte* slots = channel.Shared;
        var (count, stride, spins) = (channel.Slots, channel.Stride, channel.Spins);
        var tail = r->Tail;
        if (Volatile.Read(ref r->Head) == tail)
        {
            for (var i = 0; i < spins && Volatile.Read(ref r->Head) == tail; i++) X86Base.Pause();
            while (true)
            {
                if (Volatile.Read(ref r->Head) != tail) break;
                Interlocked.Exchange(ref r->ConsumerWaiting, 1);
                if (Volatile.Read(ref r->Head) == tail) MeasureLibc.FutexWait(&r->Head, (uint)tail);
                r->ConsumerWaiting = 0;
            }
        }
        MeasureLibc.MemCpy(message, slots + (long)(tail % (ulong)count) * stride, size);
        Interlocked.Exchange(ref r->Tail, tail + 1);
        if (Volatile.Read(ref r->ProducerWaiting) != 0) MeasureLibc.FutexWake(&r->Tail);
    }
}
