using IpcPlayground.Contracts.Events;
using IpcPlayground.WorkerProtocol;
using Mono.Unix;
using Mono.Unix.Native;
using FileTypes = IpcPlayground.Contracts.Events.FileTypes;
using UnixTypes = Mono.Unix.FileTypes;

namespace IpcPlayground.Worker.Execution;

/// <summary>Facts about paths in the sandbox, read with Mono.Unix (lstat through its native library, libMono.Unix.so).</summary>
internal sealed partial class StepRunner
{
    /// <summary>A <c>stat</c> of a path: lstat(2), its file type, permission bits, link count and size; a missing path is ENOENT.</summary>
    private void StatPath(PlanStep step, string path, string file)
    {
        FileFacts? facts = null;
        Call(step, path, "lstat", () =>
        {
            if (UnixFileSystemInfo.TryGetFileSystemEntry(file, out var entry) && entry is { Exists: true })
            {
                facts = new FileFacts
                {
                    Type = TypeOf(entry.FileType), Mode = FileTypes.ModeText((uint)entry.Protection),
                    Nlink = entry.LinkCount, Size = entry.Length,
                };
                return new Outcome(0);
            }
            var errno = Stdlib.GetLastError();
            if (errno is 0 or Errno.ENOENT or Errno.ENOTDIR) facts = new FileFacts { Type = FileTypes.Missing };
            return Outcome.Failed(NativeConvert.FromErrno(errno == 0 ? Errno.ENOENT : errno));
        }, announce: false, details: (_, end) => end with { Path = file, File = facts });
    }

    private static string TypeOf(UnixTypes type) => type switch
    {
        UnixTypes.Fifo => FileTypes.Fifo,
        UnixTypes.Socket => FileTypes.Socket,
        UnixTypes.RegularFile => FileTypes.Regular,
        UnixTypes.Directory => FileTypes.Directory,
        UnixTypes.SymbolicLink => FileTypes.Symlink,
        UnixTypes.CharacterDevice => FileTypes.CharacterDevice,
        _ => FileTypes.BlockDevice,
    };
}
