namespace IpcPlayground.Testing;

/// <summary>Experiment files the tests share (tests/IpcPlayground.Testing/Experiments).</summary>
public static class SampleExperiments
{
    public static string Load(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Experiments", name + ".json"));

    public static string PipeByteStream => Load("pipe-byte-stream");
    public static string BlockedRead => Load("blocked-read");
    public static string PipeDeadlock => Load("pipe-deadlock");
}
