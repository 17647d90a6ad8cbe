using IpcPlayground.Contracts.Experiments;
using System.Buffers.Binary;
using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution;

/// <summary>
/// Shared memory, System V (shmat) and POSIX (shm_open + mmap). Stores and loads touch the mapped bytes directly;
/// <c>increment</c> is a plain read-modify-write unless the step asks for an atomic one, so two processes really
/// lose updates.
/// </summary>
internal sealed unsafe partial class StepRunner
{
    /// <summary>shmat; an open step reports it (<paramref name="report"/>), otherwise a failure comes back in <paramref name="errno"/>.</summary>
    private (nint Address, int Size)? AttachSysv(PlanStep step, string path, PlanObject obj, bool report, out int errno)
    {
        var address = Libc.ShmAt(SysvId(obj), 0, 0);
        var failure = errno = address == -1 ? Interop.Errno.Last() : 0;
        if (report) Call(step, path, "shmat", () => new Outcome(address == -1 ? -1 : 0, failure), announce: false);
        if (address == -1) return null;
        return _handles.Mappings[obj.Id] = (address, obj.Size);
    }

    /// <summary>shm_open + mmap; reported as for <see cref="AttachSysv"/>.</summary>
    private (nint Address, int Size)? AttachPosix(PlanStep step, string path, PlanObject obj, bool report, out int errno)
    {
        var fd = Libc.ShmOpen(obj.Name!, Libc.O_RDWR, 0);
        var address = fd < 0 ? -1 : Libc.Mmap(0, obj.Size, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_SHARED, fd, 0);
        var failure = errno = address == -1 ? Interop.Errno.Last() : 0;
        if (fd >= 0) Libc.Close(fd);
        if (report) Call(step, path, "mmap", () => new Outcome(address == -1 ? -1 : 0, failure), announce: false);
        if (address == -1) return null;
        return _handles.Mappings[obj.Id] = (address, obj.Size);
    }

    /// <summary>
    /// The segment as this process has it mapped, attached on first use; when it cannot be attached, the step is
    /// reported with the attach's errno. The validator keeps every step's bytes inside the segment.
    /// </summary>
    private (nint Address, int Size)? Mapping(PlanStep step, string path, int offset, int length)
    {
        var obj = Object(step);
        if (!_handles.Mappings.TryGetValue(obj.Id, out var mapping))
        {
            var attached = obj.Kind == ObjectKind.SysvShm ? AttachSysv(step, path, obj, report: false, out var errno) : AttachPosix(step, path, obj, report: false, out errno);
            if (attached is null)
            {
                Report(step, path, obj.Kind == ObjectKind.SysvShm ? "shmat" : "mmap", errno);
                return null;
            }
            mapping = attached.Value;
        }
        if (offset < 0 || offset + length > mapping.Size)
        {
            Fail(path, step, $"bytes {offset}..{offset + length} lie outside the {mapping.Size}-byte segment");
            return null;
        }
        return mapping;
    }

    private void Store(PlanStep step, string path)
    {
        var offset = step.Offset ?? 0;
        if (step.Data is null && step.Size is { } size)
        {
            StoreGenerated(step, path, offset, size);
            return;
        }
        var bytes = step.Data ?? BitConverter.GetBytes(step.Int32 ?? 0);
        if (Mapping(step, path, offset, bytes.Length) is not { } mapping) return;
        Call(step, path, "store", () =>
        {
            bytes.CopyTo(new Span<byte>((byte*)mapping.Address + offset, bytes.Length));
            return new Outcome(bytes.Length, Value: step.Int32);
        }, announce: false);
    }

    /// <summary><c>store</c> with <c>size</c>: fills that many bytes with the generated pattern, touching every page.</summary>
    private void StoreGenerated(PlanStep step, string path, int offset, int size)
    {
        if (Mapping(step, path, offset, size) is not { } mapping) return;
        var pattern = GeneratedBytes(26 * 1024);
        Call(step, path, "store", () =>
        {
            var target = new Span<byte>((byte*)mapping.Address + offset, size);
            for (var done = 0; done < size; done += pattern.Length)
                pattern.AsSpan(0, Math.Min(pattern.Length, size - done)).CopyTo(target[done..]);
            return new Outcome(size);
        }, announce: false);
    }

    private void Load(PlanStep step, string path)
    {
        var offset = step.Offset ?? 0;
        var length = step.Length ?? 4;
        if (Mapping(step, path, offset, length) is not { } mapping) return;
        Call(step, path, "load", () =>
        {
            var bytes = new Span<byte>((byte*)mapping.Address + offset, length).ToArray();
            return new Outcome(length, Data: bytes, Value: length == 4 ? BinaryPrimitives.ReadInt32LittleEndian(bytes) : null);
        }, announce: false);
    }

    private void Increment(PlanStep step, string path)
    {
        var offset = step.Offset ?? 0;
        if (Mapping(step, path, offset, 4) is not { } mapping) return;
        var counter = (int*)(mapping.Address + offset);
        var times = step.Times ?? 1;
        var atomic = step.Atomic == true;
        Call(step, path, atomic ? "atomic-increment" : "increment", () =>
        {
            var last = 0;
            for (var i = 0; i < times; i++)
            {
                if (atomic)
                {
                    last = Interlocked.Increment(ref *counter);
                }
                else
                {
                    // Load, add, store: three steps another process can interleave with. In step mode a single
                    // increment is held between its load and its store, so a person can make two of them collide.
                    var value = Volatile.Read(ref *counter);
                    if (times == 1) HoldBefore(step, path, phase: "store");
                    last = value + 1;
                    Volatile.Write(ref *counter, last);
                }
            }
            return new Outcome(times, Value: last);
        }, announce: false);
    }
}
