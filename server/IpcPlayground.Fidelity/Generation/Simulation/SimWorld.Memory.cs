using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Fidelity.Generation.Simulation;

/// <summary>System V objects' opens and removals, shared memory, and semaphores.</summary>
internal sealed partial class SimWorld
{
    /// <summary>SEMVMX: the largest value a System V semaphore member holds.</summary>
    private const int SemaphoreMax = 32767;

    /// <summary>msgget/shmget/semget: IPC_PRIVATE makes a new object (values 0, memory zeroed); a key finds its object or makes one.</summary>
    private static void OpenSysv(SimProcess process, SysvObject sysv, SimOutcome outcome)
    {
        SysvInstance instance;
        if (sysv.PrivateKey || sysv.Keyed is null)
        {
            var first = sysv.Instances[0];
            instance = new SysvInstance { Values = new int[first.Values.Length], Memory = new byte[first.Memory.Length] };
            sysv.Instances.Add(instance);
            if (!sysv.PrivateKey) sysv.Keyed = instance;
        }
        else instance = sysv.Keyed;
        process.Sysv[sysv.Id] = instance;
        if (!sysv.IsMemory) return;
        if (process.Mappings.TryGetValue(sysv.Id, out var old) && old is SysvInstance oldSegment)
        {
            outcome.Refuse($"an attach over an attach ({oldSegment.Attached} attached)");
            return;
        }
        process.Mappings[sysv.Id] = instance;
        instance.Attached++;
    }

    /// <summary>store, load, increment: on the process's mapping, attached on first use (which may fail); they never wait.</summary>
    private void Memory(SimProcess process, Step step)
    {
        var id = step.Object!;
        if (process.Mappings.ContainsKey(id)) return;
        switch (_objects[id])
        {
            case SysvObject when process.Sysv.TryGetValue(id, out var segment):
                if (segment.Removed && segment.Attached == 0) return; // EINVAL: the segment is gone
                segment.Attached++;
                process.Mappings[id] = segment;
                return;
            case PosixMemoryObject memory:
                if (memory.Linked) process.Mappings[id] = memory;
                return; // else ENOENT
        }
    }

    private void Semaphore(SimProcess process, Step step, SimOutcome outcome)
    {
        var count = step.Count ?? 1;
        var wait = step.Op == Ops.SemWait;
        switch (_objects[step.Object!])
        {
            case SysvObject set:
            {
                if (!process.Sysv.TryGetValue(set.Id, out var instance) || instance.Removed) return; // EINVAL
                var member = step.Index ?? 0;
                void Apply(int delta)
                {
                    instance.Values[member] += delta;
                    if (step.Undo == true)
                        process.Undo[(instance, member)] = process.Undo.GetValueOrDefault((instance, member)) - delta;
                }
                if (!wait)
                {
                    if (instance.Values[member] + count > SemaphoreMax) return; // ERANGE
                    Apply(count);
                    return;
                }
                if (instance.Values[member] >= count)
                {
                    Apply(-count);
                    return;
                }
                outcome.Blocked = true;
                process.Blocked = new BlockedCall(set.Id, step, settling =>
                {
                    if (instance.Removed) return Interrupted(settling, "a semop waits in a set being removed"); // EIDRM
                    if (instance.Values[member] < count) return false;
                    Apply(-count);
                    // The kernel takes the waiter's share inside the post only if the waiter is already in semop;
                    // it may still be on its way there, so the value the poster reads next is a race.
                    if (_current is { } poster) settling.Racy.Add((poster.Actor, poster.Step, "value"));
                    return true;
                });
                return;
            }
            case PosixSemaphoreObject semaphore:
            {
                if (!process.Semaphores.Contains(semaphore.Id))
                {
                    if (!semaphore.Linked) return; // ENOENT from the implicit sem_open
                    process.Semaphores.Add(semaphore.Id);
                }
                if (!wait)
                {
                    // Posts one at a time: the first may wake a waiter, which then runs beside the rest of them.
                    if (count > 1 && _processes.Values.Any(p => p.Alive && p.Blocked?.On == semaphore.Id))
                    {
                        outcome.Refuse("several posts to a POSIX semaphore a process waits on race the waiter they wake");
                        return;
                    }
                    semaphore.Value += count;
                    return;
                }
                var left = count;
                while (left > 0 && semaphore.Value > 0)
                {
                    semaphore.Value--;
                    left--;
                }
                if (left == 0) return;
                outcome.Blocked = true;
                var call = new BlockedCall(semaphore.Id, step, settling =>
                {
                    while (left > 0 && semaphore.Value > 0)
                    {
                        semaphore.Value--;
                        left--;
                    }
                    if (left > 0) return false;
                    // A sem_post wakes the waiter, which takes the value down when it runs: the poster's
                    // sem_getvalue and the waiter's may see it before or after.
                    if (_current is { } poster) settling.Racy.Add((poster.Actor, poster.Step, "value"));
                    return true;
                });
                call.RacyFields.Add("value");
                process.Blocked = call;
                return;
            }
        }
    }

    private static void RemoveSysv(SimProcess process, SysvObject sysv)
    {
        if (!process.Sysv.TryGetValue(sysv.Id, out var instance) || instance.Removed) return; // EINVAL
        instance.Removed = true;
        if (ReferenceEquals(sysv.Keyed, instance)) sysv.Keyed = null;
    }
}
