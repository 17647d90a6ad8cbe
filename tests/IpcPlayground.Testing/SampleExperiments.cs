namespace IpcPlayground.Testing;

/// <summary>Experiment files the tests share (tests/IpcPlayground.Testing/Experiments).</summary>
public static class SampleExperiments
{
    public static string Load(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Experiments", name + ".json"));

    public static string PipeByteStream => Load("pipe-byte-stream");

    /// <summary>40 x 1 MiB through a pipe, each read carrying its bytes: a run as large as a run may be (the event-bytes limit stops it).</summary>
    public static string LargeOutput => Load("large-output");
    public static string BlockedRead => Load("blocked-read");
    public static string PipeDeadlock => Load("pipe-deadlock");
}
