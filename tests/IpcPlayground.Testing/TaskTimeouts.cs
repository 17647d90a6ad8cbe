namespace IpcPlayground.Testing;

/// <summary>Every await in a test has a limit, so a broken run fails the test instead of hanging CI.</summary>
public static class TaskTimeouts
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(30);

    public static Task<T> DefaultTimeout<T>(this Task<T> task) => task.WaitAsync(Default);

    public static Task DefaultTimeout(this Task task) => task.WaitAsync(Default);
}
