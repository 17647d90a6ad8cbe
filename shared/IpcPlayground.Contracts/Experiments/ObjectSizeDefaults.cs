namespace IpcPlayground.Contracts.Experiments;

/// <summary>The sizes the runtime gives an object that leaves them out, which the validator checks steps against.</summary>
public static class ObjectSizeDefaults
{
    /// <summary>A shared memory segment's <c>size</c> in bytes.</summary>
    public const int SharedMemoryBytes = 4096;

    /// <summary>The members of a System V semaphore set (<c>count</c>).</summary>
    public const int SemaphoreCount = 1;
}
