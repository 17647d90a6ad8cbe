namespace IpcPlayground.Client.Services.Composer;

/// <summary>How a form shows a field: a text box, a number, a checkbox, a list of choices, or a reference to an object or process.</summary>
public enum FieldKind
{
    Text,
    Number,
    Flag,
    Choice,
    ObjectRef,
    ProcessRef,
    SignalList,
}
