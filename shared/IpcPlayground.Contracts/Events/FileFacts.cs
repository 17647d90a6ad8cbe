namespace IpcPlayground.Contracts.Events;

/// <summary>1.1: what lstat(2) says of a path, as a <c>stat</c> step with <c>path</c> reports it in <c>file</c>.</summary>
public sealed record FileFacts
{
    /// <summary>One of <see cref="FileTypes"/>.</summary>
    public string? Type { get; init; }

    /// <summary>The permission bits in octal, <c>"0644"</c> (with set-id and sticky bits when set); absent when missing.</summary>
    public string? Mode { get; init; }
    public long? Nlink { get; init; }
    public long? Size { get; init; }
}

/// <summary>The file types a <see cref="FileFacts"/> names.</summary>
public static class FileTypes
{
    public const string Fifo = "fifo", Socket = "socket", Regular = "regular", Directory = "directory", Symlink = "symlink", Missing = "missing";
    public const string CharacterDevice = "character-device", BlockDevice = "block-device";

    public static readonly IReadOnlyList<string> All = [Fifo, Socket, Regular, Directory, Symlink, Missing, CharacterDevice, BlockDevice];

    /// <summary>The type of an st_mode (S_IFMT bits).</summary>
    public static string OfMode(uint mode) => (mode & 0xF000) switch
    {
        0x1000 => Fifo,
        0xC000 => Socket,
        0x8000 => Regular,
        0x4000 => Directory,
        0xA000 => Symlink,
        0x2000 => CharacterDevice,
        _ => BlockDevice,
    };

    /// <summary>The permission, set-id and sticky bits of an st_mode, as <c>"0644"</c>.</summary>
    public static string ModeText(uint mode) => "0" + Convert.ToString(mode & 0xFFF, 8).PadLeft(3, '0');
}
