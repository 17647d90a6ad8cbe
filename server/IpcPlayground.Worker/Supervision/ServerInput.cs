using System.Text.Json;
using IpcPlayground.Worker.Framing;
using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Supervision;

/// <summary>
/// The supervisor's standard input: the run plan as the first line, then step-mode commands, one a line. Read raw
/// from descriptor 0 into one buffer, never through a reader of its own, so a command that came in the same read as
/// the plan is still here to take (<see cref="BufferedCommands"/>). Its end means the server is gone.
/// </summary>
internal sealed unsafe class ServerInput
{
    private readonly FrameAssembler _lines = new();

    public bool Gone { get; private set; }

    /// <summary>Blocks for the first line.</summary>
    public RunPlan? ReadPlan()
    {
        byte[] line;
        while (!_lines.TryTakeLine(out line))
            if (!Fill()) return null;
        return line.Length == 0 ? null : JsonSerializer.Deserialize(line, WorkerProtocolJsonContext.Default.RunPlan);
    }

    /// <summary>After poll said descriptor 0 is readable: the commands that arrived whole.</summary>
    public List<ControlFrame> ReadCommands() => Fill() ? BufferedCommands() : [];

    /// <summary>
    /// The commands already read but not yet taken: a command sent right after the plan (a resume a moment after the
    /// start) can come in the same read as the plan, and poll will not say so again.
    /// </summary>
    public List<ControlFrame> BufferedCommands()
    {
        var commands = new List<ControlFrame>();
        while (_lines.TryTakeLine(out var line))
        {
            try
            {
                if (JsonSerializer.Deserialize(line, WorkerProtocolJsonContext.Default.ControlFrame) is { } command) commands.Add(command);
            }
            catch (JsonException) { }
        }
        return commands;
    }

    private bool Fill()
    {
        var space = _lines.FreeSpace(4096);
        nint n;
        do
        {
            fixed (byte* s = space) n = Libc.Read(0, s, space.Length);
        } while (n < 0 && Errno.Last() == Libc.EINTR);
        if (n <= 0)
        {
            Gone = true;
            return false;
        }
        _lines.Commit((int)n);
        return true;
    }
}
