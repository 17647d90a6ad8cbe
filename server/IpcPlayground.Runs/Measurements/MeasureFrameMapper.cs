using IpcPlayground.Contracts.Measurements;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Runs.Measurements;

/// <summary>
/// <c>ipcplay-worker measure</c>'s frames → the contract's measurement types: raw loop figures (messages, nanoseconds,
/// percentiles) become messages and bytes a second. Pure.
/// </summary>
public static class MeasureFrameMapper
{
    public static MeasurementCell Cell(MeasuredCellFrame frame, string pattern)
    {
        var worker = Figures(frame.Worker, frame.Mechanism, frame.Size);
        return new MeasurementCell
        {
            Mechanism = frame.Mechanism,
            Size = frame.Size,
            Pattern = pattern,
            MessagesPerSecond = worker.MessagesPerSecond,
            BytesPerSecond = worker.BytesPerSecond,
            LatencyNs = worker.LatencyNs,
            Messages = worker.Messages,
            Reason = worker.Reason,
            Reference = frame.Reference is { } reference ? Figures(reference, frame.Mechanism, frame.Size) : null,
        };
    }

    /// <summary>
    /// One loop's figures. Bytes a second only for a mechanism that carries a message of the cell's size: an eventfd
    /// round trip moves a counter and a signal nothing, whatever the size says.
    /// </summary>
    public static CellFigures Figures(LoopFigures loop, string mechanism, int size)
    {
        double? perSecond = loop is { Messages: > 0 and var messages, ElapsedNs: > 0 and var elapsed } ? messages * 1e9 / elapsed : null;
        var sized = MeasureMechanisms.Named(mechanism)?.Streams ?? true;
        return new CellFigures
        {
            MessagesPerSecond = perSecond,
            BytesPerSecond = sized ? perSecond * size : null,
            LatencyNs = loop is { P50: { } p50, P90: { } p90, P99: { } p99 } ? new LatencyPercentiles(p50, p90, p99) : null,
            Messages = loop.Messages,
            Reason = loop.Reason,
        };
    }

    public static MeasurementMachine Machine(MachineFrame frame) => new()
    {
        Cpus = frame.Cpus,
        CpuModel = frame.CpuModel,
        Kernel = frame.Kernel,
        MemcpyBytesPerSecond = frame.MemcpyBytesPerSecond,
    };
}
