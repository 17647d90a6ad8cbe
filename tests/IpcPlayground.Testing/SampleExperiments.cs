namespace IpcPlayground.Testing;

/// <summary>Experiment files the tests share (tests/IpcPlayground.Testing/Experiments).</summary>
public static class SampleExperiments
{
    public static string Load(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Experiments", name + ".json"));

    public static string PipeByteStream => Load("pipe-byte-stream");

    /// <summary>
    /// 40 x 1 MiB through a pipe, each read carrying the bytes it got: a run as large as a run may be. A read is handed
    /// what the pipe holds at that moment, so the reader reads up to 5000 times: even at a page a read, the run passes
    /// its event-bytes limit (or its event rate) and ends with status <c>limit</c> however it was scheduled.
    /// </summary>
    public static string LargeOutput => Load("large-output");
    public static string BlockedRead => Load("blocked-read");
    public static string PipeDeadlock => Load("pipe-deadlock");
}
