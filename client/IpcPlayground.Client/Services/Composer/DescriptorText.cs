using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Client.Services.Composer;

/// <summary>A sendFd's <c>fd</c> or a receiveFd's <c>as</c> as typed in a form: <c>secret.read</c>, or <c>efd</c> for an object with one descriptor.</summary>
public static class DescriptorText
{
    public static string? Of(DescriptorRef? reference) =>
        reference is null ? null : reference.End is null ? reference.Object : $"{reference.Object}.{reference.End}";

    public static DescriptorRef? Parse(string? text)
    {
        if (text is null) return null;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? new DescriptorRef { Object = text } : new DescriptorRef { Object = text[..dot], End = text[(dot + 1)..] };
    }
}
