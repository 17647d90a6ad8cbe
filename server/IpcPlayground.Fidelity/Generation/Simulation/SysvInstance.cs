namespace IpcPlayground.Fidelity.Generation.Simulation;

/// <summary>One instance of a System V object (a process holds the one its last open found): messages, values or memory.</summary>
internal sealed class SysvInstance
{
    public bool Removed { get; set; }
    public List<(long Type, byte[] Data)> Messages { get; } = [];
    public int[] Values { get; init; } = [];
    public byte[] Memory { get; init; } = [];
    public int Attached { get; set; }
    public int QueueBytes => Messages.Sum(m => m.Data.Length);
}
