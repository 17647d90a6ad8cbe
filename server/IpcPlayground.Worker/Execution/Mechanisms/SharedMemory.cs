using System.Buffers.Binary;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution.Mechanisms;

/// <summary>
/// Shared memory, System V (shmat) and POSIX (shm_open + mmap). Stores and loads touch the mapped bytes directly;
/// <c>increment</c> is a plain read-modify-write unless the step asks for an atomic one, so two processes really
/// lose updates.
/// </summary>
internal abstract unsafe class SharedMemory : WorkerMechanism
{
    public static readonly WorkerMechanism[] All = [new SysvSegment(), new PosixSegment()];

    /// <summary>The call that maps the segment into this process (its name, for a report of its failure).</summary>
    protected abstract string AttachCall { get; }

    /// <summary>Maps the segment; its address, or -1 and why.</summary>
    protected abstract nint Map(ObjectStep s, out int errno);

    public override bool ReportsStateAfterSteps => true;

    /// <summary>Attaches the segment; an open step reports it (<paramref name="report"/>), otherwise a failure comes back in <paramref name="errno"/>.</summary>
    protected (nint Address, int Size)? Attach(ObjectStep s, bool report, out int errno)
    {
        var address = Map(s, out var failure);
        errno = failure;
        if (report) s.Call(AttachCall, () => new Outcome(address == -1 ? -1 : 0, failure), announce: false);
        if (address == -1) return null;
        return s.Handles.Mappings[s.Object.Id] = (address, s.Object.Size);
    }

    /// <summary>
    /// The segment as this process has it mapped, attached on first use; when it cannot be attached, the step is
    /// reported with the attach's errno. The validator keeps every step's bytes inside the segment.
    /// </summary>
    private (nint Address, int Size)? Mapping(ObjectStep s, int offset, int length)
    {
        if (!s.Handles.Mappings.TryGetValue(s.Object.Id, out var mapping))
        {
            if (Attach(s, report: false, out var errno) is not { } attached)
            {
                s.Report(AttachCall, errno);
                return null;
            }
            mapping = attached;
        }
        if (offset < 0 || offset + length > mapping.Size)
        {
            s.Fail($"bytes {offset}..{offset + length} lie outside the {mapping.Size}-byte segment");
            return null;
        }
        return mapping;
    }

    public override void Store(ObjectStep s)
    {
        var step = s.Step;
        var offset = step.Offset ?? 0;
        if (step.Data is null && step.Size is { } size)
        {
            StoreGenerated(s, offset, size);
            return;
        }
        var bytes = step.Data ?? BitConverter.GetBytes(step.Int32 ?? 0);
        if (Mapping(s, offset, bytes.Length) is not { } mapping) return;
        s.Call("store", () =>
        {
            bytes.CopyTo(new Span<byte>((byte*)mapping.Address + offset, bytes.Length));
            return new Outcome(bytes.Length, Value: step.Int32);
        }, announce: false);
    }

    /// <summary><c>store</c> with <c>size</c>: fills that many bytes with the generated pattern, touching every page.</summary>
    private void StoreGenerated(ObjectStep s, int offset, int size)
    {
        if (Mapping(s, offset, size) is not { } mapping) return;
        var pattern = GeneratedBytes.Of(26 * 1024);
        s.Call("store", () =>
        {
            var target = new Span<byte>((byte*)mapping.Address + offset, size);
            for (var done = 0; done < size; done += pattern.Length)
                pattern.AsSpan(0, Math.Min(pattern.Length, size - done)).CopyTo(target[done..]);
            return new Outcome(size);
        }, announce: false);
    }

    public override void Load(ObjectStep s)
    {
        var offset = s.Step.Offset ?? 0;
        var length = s.Step.Length ?? 4;
        if (Mapping(s, offset, length) is not { } mapping) return;
        s.Call("load", () =>
        {
            var bytes = new Span<byte>((byte*)mapping.Address + offset, length).ToArray();
            return new Outcome(length, Data: bytes, Value: length == 4 ? BinaryPrimitives.ReadInt32LittleEndian(bytes) : null);
        }, announce: false);
    }

    public override void Increment(ObjectStep s)
    {
        var offset = s.Step.Offset ?? 0;
        if (Mapping(s, offset, 4) is not { } mapping) return;
        var counter = (int*)(mapping.Address + offset);
        var times = s.Step.Times ?? 1;
        var atomic = s.Step.Atomic == true;
        s.Call(atomic ? "atomic-increment" : "increment", () =>
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
                    if (times == 1) s.HoldAt("store");
                    last = value + 1;
                    Volatile.Write(ref *counter, last);
                }
            }
            return new Outcome(times, Value: last);
        }, announce: false);
    }

    /// <summary>The first bytes of this process's mapping of the segment, or null when it has none.</summary>
    protected static string? Preview(ObjectHandles handles, PlanObject obj)
    {
        if (!handles.Mappings.TryGetValue(obj.Id, out var mapping)) return null;
        return Convert.ToHexString(new ReadOnlySpan<byte>((void*)mapping.Address, Math.Min(64, mapping.Size)));
    }

    private sealed class SysvSegment : SharedMemory
    {
        public override ObjectKind Kind => ObjectKind.SysvShm;
        public override string StatCall => "shmctl";
        protected override string AttachCall => "shmat";
        public override bool SupervisorSees => true;

        public override int Create(PlanObject obj) => Libc.ShmGet(SystemV.KeyForCreation(obj), obj.Size, Libc.IPC_CREAT | Mode);
        protected override nint Map(ObjectStep s, out int errno)
        {
            var address = Libc.ShmAt(s.SysvId, 0, 0);
            errno = address == -1 ? Errno.Last() : 0;
            return address;
        }

        /// <summary>shmget by the key, then shmat.</summary>
        public override void Open(ObjectStep s)
        {
            var size = s.Object.Size;
            if (SystemV.Open(s, "shmget", (key, flags) => Libc.ShmGet(key, size, flags))) Attach(s, report: true, out _);
        }

        public override void Close(ObjectStep s)
        {
            if (s.Handles.Mappings.Remove(s.Object.Id, out var mapping)) s.Call("shmdt", () => Outcome.Of(Libc.ShmDt(mapping.Address)), announce: false);
            else base.Close(s);
        }

        public override void Remove(ObjectStep s) => SystemV.Remove(s, StatCall, id => Libc.ShmCtl(id, Libc.IPC_RMID, null));

        /// <summary>IPC_STAT; the supervisor never attaches (that would change the attach count).</summary>
        public override ObjectKernelState? Snapshot(PlanObject obj, int? sysvId, out int errno)
        {
            errno = 0;
            if (sysvId is not { } id) return null;
            var key = SysvKeys.Text(obj);
            Libc.ShmidDs ds;
            if (Libc.ShmCtl(id, Libc.IPC_STAT, &ds) != 0) return Removed(new SysvMemoryState { Key = key }, out errno);
            return new SysvMemoryState { Key = key, Id = id, Size = (long)ds.SegSz, Attached = (long)ds.NAttch };
        }

        public override ObjectKernelState? ReadState(PlanObject obj, ObjectHandles handles, out int errno) =>
            base.ReadState(obj, handles, out errno) is SysvMemoryState memory ? memory with { PreviewHex = Preview(handles, obj) } : null;
    }

    private sealed class PosixSegment : SharedMemory
    {
        public override ObjectKind Kind => ObjectKind.PosixShm;
        public override string StatCall => "ioctl";
        protected override string AttachCall => "mmap";

        public override int Create(PlanObject obj)
        {
            var fd = Libc.ShmOpen(obj.Name!, Libc.O_CREAT | Libc.O_RDWR, Mode);
            if (fd < 0) return fd;
            var rc = Libc.FTruncate(fd, obj.Size);
            Libc.Close(fd);
            return rc;
        }

        /// <summary>shm_open (an open that creates sizes the segment with ftruncate) and mmap; the descriptor is closed once the mapping is made.</summary>
        protected override nint Map(ObjectStep s, out int errno)
        {
            var flags = s.PosixOpenFlags;
            var fd = Libc.ShmOpen(s.Object.Name!, Libc.O_RDWR | flags, Mode);
            if (fd >= 0 && (flags & Libc.O_CREAT) != 0 && Libc.FTruncate(fd, s.Object.Size) != 0)
            {
                errno = Errno.Last();
                Libc.Close(fd);
                return -1;
            }
            var address = fd < 0 ? -1 : Libc.Mmap(0, s.Object.Size, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_SHARED, fd, 0);
            errno = address == -1 ? Errno.Last() : 0;
            if (fd >= 0) Libc.Close(fd);
            return address;
        }

        public override void Open(ObjectStep s) => Attach(s, report: true, out _);

        public override void Close(ObjectStep s)
        {
            if (s.Handles.Mappings.Remove(s.Object.Id, out var mapping)) s.Call("munmap", () => Outcome.Of(Libc.Munmap(mapping.Address, mapping.Size)), announce: false);
            else base.Close(s);
        }

        public override void Remove(ObjectStep s) => s.Call("shm_unlink", () => Outcome.Of(Libc.ShmUnlink(s.Object.Name!)), announce: false);

        public override ObjectKernelState? ReadState(PlanObject obj, ObjectHandles handles, out int errno)
        {
            errno = 0;
            return new PosixMemoryState { Size = obj.Size, PreviewHex = Preview(handles, obj) };
        }
    }
}
