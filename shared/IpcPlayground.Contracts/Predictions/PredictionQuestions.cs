using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Contracts.Predictions;

/// <summary>A question about a held step: what it is about, and its choices.</summary>
public sealed record PredictionQuestion(PredictionAbout About, IReadOnlyList<PredictionChoice> Choices);

/// <summary>
/// Which held steps predict mode asks about, and the choices it offers: generated from the step and the object's type
/// (the errnos its call is documented to give), the processes blocked on its object, and the last value the kernel
/// showed — never free text. The real call decides which choice was right.
/// </summary>
public static class PredictionQuestions
{
    private static readonly string[] Named = [ObjectTypes.SysvMsgQueue, ObjectTypes.SysvShm, ObjectTypes.SysvSem, ObjectTypes.PosixMsgQueue, ObjectTypes.PosixShm, ObjectTypes.PosixSem];

    private static readonly string[] FaultSignals = ["SIGSEGV", "SIGBUS", "SIGFPE", "SIGILL", "SIGABRT"];

    /// <summary>Whether any step of the experiment says <c>ask: true</c>: then only those are asked.</summary>
    public static bool MarksSteps(Experiment experiment) =>
        experiment.Processes?.Any(p => Marks(p?.Steps)) ?? false;

    private static bool Marks(IReadOnlyList<Step>? steps) => steps?.Any(s => s is not null && (s.Ask == true || Marks(s.Steps))) ?? false;

    /// <param name="blockedOnObject">The other processes blocked in a call on the step's object now (for a <c>signal</c>, its target if blocked at all).</param>
    /// <param name="lastValue">For a 4-byte <c>load</c>, the int32 at its offset as the kernel last showed it; for an eventfd <c>read</c>, its counter.</param>
    public static IReadOnlyList<PredictionQuestion> For(Step step, string? objectType, bool experimentMarksSteps, IReadOnlyList<string> blockedOnObject, long? lastValue = null)
    {
        if (step.Op is null || step.Ask == false || !Askable(step.Op)) return [];
        var marked = step.Ask == true;
        if (experimentMarksSteps && !marked) return [];
        var kind = Ops.KindOf(step.Op);
        var questions = new List<PredictionQuestion>();
        if (marked || CanBlockOrFail(step, kind, objectType, blockedOnObject.Count > 0))
            questions.Add(new(PredictionAbout.Outcome, [.. OutcomeChoices(step, kind, objectType).Select(c => new PredictionChoice(c, PredictionWords.English.Choice(c)))]));
        if (marked && ValueChoices(step, kind, objectType, lastValue) is { Count: > 0 } values)
            questions.Add(new(PredictionAbout.Value, [.. values.Select(c => new PredictionChoice(c, PredictionWords.English.Choice(c)))]));
        if (blockedOnObject.Count > 0 && CanWake(kind))
        {
            List<string> wakes = [.. blockedOnObject.Select(PredictionChoices.Wakes)];
            if (blockedOnObject.Count > 1) wakes.Add(PredictionChoices.WakesAll);
            wakes.Add(PredictionChoices.Nobody);
            questions.Add(new(PredictionAbout.Wakes, [.. wakes.Select(c => new PredictionChoice(c, PredictionWords.English.Choice(c)))]));
        }
        return questions;
    }

    /// <summary>A step that makes one call a person can predict: a loop, an exit or an exec (which never returns) is not.</summary>
    private static bool Askable(string op) => op is not (Ops.Repeat or Ops.Exit or Ops.Exec);

    private static bool CanBlockOrFail(Step step, OpKind kind, string? objectType, bool someoneBlockedOnObject) => kind switch
    {
        OpKind.Read or OpKind.Write or OpKind.Send or OpKind.Receive or OpKind.SemWait or OpKind.Wait or OpKind.WaitSignal
            or OpKind.Accept or OpKind.Poll or OpKind.ReceiveFd or OpKind.Signal => true,
        OpKind.Open => step.Create == false || step.Exclusive == true || !Named.Contains(objectType),
        OpKind.SemPost or OpKind.Close or OpKind.Remove => someoneBlockedOnObject,
        _ => false,
    };

    private static bool CanWake(OpKind kind) => kind is OpKind.Write or OpKind.Read or OpKind.Send or OpKind.Receive or OpKind.SemPost
        or OpKind.SemWait or OpKind.Close or OpKind.Remove or OpKind.Signal or OpKind.SendFd or OpKind.Open;

    private static IEnumerable<string> OutcomeChoices(Step step, OpKind kind, string? objectType)
    {
        var sysv = Mechanisms.Named(objectType)?.IsSysv == true;
        var posix = Mechanisms.Named(objectType)?.Naming == Naming.PosixName;
        var counter = Mechanisms.Named(objectType)?.Transfer == Transfer.Counter;
        string R = PredictionChoices.Returns, B = PredictionChoices.Blocks;
        static string F(string errno) => PredictionChoices.Fails(errno);
        return kind switch
        {
            OpKind.Read when counter => [R, B],
            OpKind.Read => [R, PredictionChoices.Eof, B, F("EBADF")],
            OpKind.Write when counter => [R, B],
            OpKind.Write => [R, B, PredictionChoices.Killed("SIGPIPE"), F("EPIPE"), F("EBADF")],
            OpKind.Send when sysv => [R, B, F("EAGAIN"), F("EIDRM")],
            OpKind.Send when posix => [R, B, F("EAGAIN"), F("EMSGSIZE")],
            OpKind.Send => [R, B, F("EAGAIN"), F("ECONNREFUSED")],
            OpKind.Receive when sysv => [R, B, F("ENOMSG"), F("E2BIG"), F("EIDRM")],
            OpKind.Receive when posix => [R, B, F("EAGAIN"), F("EMSGSIZE")],
            OpKind.Receive => [R, PredictionChoices.Eof, B, F("EAGAIN")],
            OpKind.Open when Named.Contains(objectType) => [R, F("ENOENT"), F("EEXIST")],
            OpKind.Open when objectType == ObjectTypes.Fifo => [R, B, F("ENXIO"), F("ENOENT")],
            OpKind.Open => [R, F("ECONNREFUSED"), F("ENOENT")],
            OpKind.Close => [R, F("EBADF")],
            OpKind.SemWait when sysv => [R, B, F("EIDRM"), F("EINTR")],
            OpKind.SemWait => [R, B, F("EINTR")],
            OpKind.SemPost when sysv => [R, F("ERANGE"), F("EIDRM")],
            OpKind.SemPost => [R, F("EOVERFLOW")],
            OpKind.Signal => [R, F("ESRCH")],
            OpKind.WaitSignal => [R, B, F("EAGAIN"), F("EINTR")],
            OpKind.Wait => [R, B, F("ECHILD")],
            OpKind.Accept or OpKind.Poll => [R, B, F("EINTR")],
            OpKind.ReceiveFd => [R, B, F("EAGAIN")],
            OpKind.SendFd => [R, B, F("EPIPE")],
            OpKind.Remove => [R, F("ENOENT"), F("EINVAL")],
            OpKind.Fault => [.. FaultSignals.Select(PredictionChoices.Killed), R],
            OpKind.Store or OpKind.Load or OpKind.Increment => [R, PredictionChoices.Killed("SIGSEGV"), PredictionChoices.Killed("SIGBUS")],
            OpKind.Spawn => [R, F("EAGAIN")],
            OpKind.Sleep or OpKind.Handle or OpKind.Block or OpKind.Unblock or OpKind.Stat => [R, F("EINVAL")],
            OpKind.Repeat or OpKind.Exit or OpKind.Exec => [],
        };
    }

    private static List<string> ValueChoices(Step step, OpKind kind, string? objectType, long? lastValue)
    {
        IEnumerable<long> candidates = (kind, objectType) switch
        {
            (OpKind.Load, _) when step.Length == 4 => lastValue is { } v ? [v - 1, v, v + 1, 0] : [0, 1, 2],
            (OpKind.Read, ObjectTypes.EventFd) => lastValue is { } c ? [1, c, c + 1] : [1, 2],
            _ => [],
        };
        return [.. candidates.Distinct().Order().Select(PredictionChoices.Value)];
    }
}
