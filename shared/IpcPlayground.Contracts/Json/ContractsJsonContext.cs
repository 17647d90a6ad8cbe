using System.Text.Json;
using System.Text.Json.Serialization;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Runs;
using IpcPlayground.Contracts.Sharing;
using IpcPlayground.Contracts.Workshops;

namespace IpcPlayground.Contracts.Json;

/// <summary>Source-generated JSON for the public contract: camelCase, unknown fields rejected, nulls left out.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true,
    AllowDuplicateProperties = false,
    NumberHandling = JsonNumberHandling.Strict,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(Experiment))]
[JsonSerializable(typeof(IpcPlayground.Contracts.Measurements.MeasurementRequest))]
[JsonSerializable(typeof(IpcPlayground.Contracts.Measurements.MeasurementEvent))]
[JsonSerializable(typeof(IpcPlayground.Contracts.Measurements.MeasurementAccepted))]
[JsonSerializable(typeof(IpcPlayground.Contracts.Measurements.MeasurementSummary))]
[JsonSerializable(typeof(RunEvent))]
[JsonSerializable(typeof(KernelState))]
[JsonSerializable(typeof(RunEvent[]))]
[JsonSerializable(typeof(RunAccepted))]
[JsonSerializable(typeof(RunSummary))]
[JsonSerializable(typeof(StepRequest))]
[JsonSerializable(typeof(AnswerRequest))]
[JsonSerializable(typeof(SharedExperiment))]
[JsonSerializable(typeof(ValidationError))]
[JsonSerializable(typeof(CreateWorkshopRequest))]
[JsonSerializable(typeof(CreatedWorkshop))]
[JsonSerializable(typeof(JoinWorkshopRequest))]
[JsonSerializable(typeof(JoinedWorkshop))]
[JsonSerializable(typeof(WorkshopInfo))]
[JsonSerializable(typeof(WorkshopPreview))]
[JsonSerializable(typeof(WorkshopBoard))]
[JsonSerializable(typeof(ParticipantStatus))]
[JsonSerializable(typeof(BroadcastExperiment))]
[JsonSerializable(typeof(BroadcastMeasurement))]
[JsonSerializable(typeof(Spotlight))]
[JsonSerializable(typeof(StartPredictionRequest))]
[JsonSerializable(typeof(PredictionHoldRequest))]
[JsonSerializable(typeof(RoomPrediction))]
[JsonSerializable(typeof(PredictionAggregate))]
[JsonSerializable(typeof(PredictionTally))]
[JsonSerializable(typeof(IReadOnlyList<MyPrediction>))]
public sealed partial class ContractsJsonContext : JsonSerializerContext;
