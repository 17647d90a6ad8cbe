using System.Text.Json;
using System.Text.Json.Serialization;

namespace IpcPlayground.WorkerProtocol;

[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RunPlan))]
[JsonSerializable(typeof(WorkerScript))]
[JsonSerializable(typeof(IWorkerFrame))]
[JsonSerializable(typeof(ISupervisorReply))]
[JsonSerializable(typeof(IRunFrame))]
[JsonSerializable(typeof(ControlFrame))]
[JsonSerializable(typeof(MeasurePlan))]
[JsonSerializable(typeof(IMeasureFrame))]
[JsonSerializable(typeof(LoopFigures))]
[JsonSerializable(typeof(IpcPlayground.Contracts.Events.KernelState))]
public sealed partial class WorkerProtocolJsonContext : JsonSerializerContext;
