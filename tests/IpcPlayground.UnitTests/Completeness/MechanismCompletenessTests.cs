using System.Text.Json;
using IpcPlayground.Client.Components.Inspector;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Client.Services.Composer;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Exports;
using IpcPlayground.Fidelity.Generation.Mechanisms;
using IpcPlayground.Testing;

namespace IpcPlayground.UnitTests.Completeness;

/// <summary>
/// Every mechanism the descriptor lists reaches every place that must know it: the validator, the C export, the
/// composer's forms, the inspector, the fidelity oracle's generator. A mechanism or an op added to the contracts and forgotten somewhere fails here,
/// by name. (That the worker makes each call is <c>MechanismTourTests</c>, with real sandboxes.)
/// </summary>
public sealed class MechanismCompletenessTests
{
    public static TheoryData<string> MechanismNames => [.. Mechanisms.All.Select(m => m.Name)];

    public static TheoryData<ObjectKind> Kinds => [.. Enum.GetValues<ObjectKind>()];

    public static TheoryData<string, string> MechanismOps
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (mechanism, op) in MechanismTour.Pairs) data.Add(mechanism.Name, op.Op);
            return data;
        }
    }

    [Fact]
    public void The_descriptor_lists_each_kind_once_and_the_contract_names_are_its_names()
    {
        Assert.Equal(Enum.GetValues<ObjectKind>(), Mechanisms.All.Select(m => m.Kind).Order());
        Assert.Equal(ObjectTypes.All, Mechanisms.All.Select(m => m.Name));
        Assert.All(Mechanisms.All, m => Assert.Same(m, Mechanisms.Of(m.Kind)));
        Assert.All(Mechanisms.All, m => Assert.Same(m, Mechanisms.Named(m.Name)));
    }

    [Theory]
    [MemberData(nameof(MechanismNames))]
    public void Every_mechanism_takes_some_op_and_its_tour_is_a_valid_experiment(string name)
    {
        var mechanism = Mechanisms.Named(name)!;
        Assert.NotEmpty(MechanismTour.OpsOn(mechanism));
        Assert.Empty(ExperimentValidator.Validate(MechanismTour.For(mechanism)));
    }

    [Theory]
    [MemberData(nameof(MechanismNames))]
    public void Every_op_on_every_mechanism_has_a_C_translation(string name)
    {
        // A step without a faithful C equivalent throws NotSupportedException naming it (processes[i].steps[j], op).
        var program = CProgramExport.Generate(MechanismTour.For(Mechanisms.Named(name)!));
        Assert.Contains("int main(", program, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MechanismOps))]
    public void Every_field_of_an_op_on_a_mechanism_has_a_composer_input(string name, string op)
    {
        foreach (var field in StepFields.For(op, name))
        {
            Assert.Contains(field, StepFields.All);
            var sample = StepFields.KindOf(field) switch
            {
                FieldKind.Flag => "true",
                FieldKind.Number => "3",
                FieldKind.SignalList => "SIGUSR1",
                FieldKind.Choice => StepFields.ChoicesOf(field, name) is [var first, ..] ? first : "SIGUSR1",
                _ => "x",
            };
            Assert.True(StepFields.Get(StepFields.Set(new Step { Op = op }, field, sample), field) == sample,
                $"the composer's '{field}' of {op} on a {name} does not keep what is typed into it");
        }
    }

    [Theory]
    [MemberData(nameof(MechanismNames))]
    public void Every_field_of_a_mechanism_has_a_composer_input(string name)
    {
        foreach (var field in Mechanisms.Named(name)!.Fields)
        {
            Assert.Contains(field, ObjectFields.All);
            var sample = ObjectFields.KindOf(field) == FieldKind.Flag ? "true" : field switch { "key" => "1234", "path" => "/sandbox/x", "name" => "/x", _ => "3" };
            Assert.True(ObjectFields.Get(ObjectFields.Set(new ObjectDefinition { Type = name }, field, sample), field) == sample,
                $"the composer's '{field}' of a {name} does not keep what is typed into it");
        }
    }

    [Theory]
    [MemberData(nameof(MechanismNames))]
    public void Every_mechanism_has_a_state_record_on_the_wire(string name)
    {
        var state = JsonSerializer.Deserialize($$"""{"type":"{{name}}","removed":true}""", ContractsJsonContext.Default.KernelState);
        Assert.Equal(name, Assert.IsAssignableFrom<ObjectKernelState>(state).Type);
        Assert.Equal($$"""{"type":"{{name}}","removed":true}""", JsonSerializer.Serialize(state, ContractsJsonContext.Default.KernelState));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_has_exactly_one_generated_mechanism_in_the_fidelity_generator(ObjectKind kind)
    {
        var count = GeneratedMechanisms.All.Count(m => m.Kind == kind);
        Assert.True(count == 1, $"the fidelity generator has {count} mechanisms of kind {kind}, not one (a class in its family's file under Generation/Mechanisms)");
        Assert.Equal(kind, GeneratedMechanisms.For(kind).Kind);
    }

    [Theory]
    [MemberData(nameof(MechanismNames))]
    public void Every_mechanism_has_an_inspector_card(string name) =>
        Assert.True(typeof(Microsoft.AspNetCore.Components.IComponent).IsAssignableFrom(ObjectInspector.ViewOf(Mechanisms.Named(name)!)));
}
