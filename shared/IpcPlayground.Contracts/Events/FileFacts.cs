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

    /// <summary>The permission, set-id and sticky bits of an st_mode, as <c>"0644"</c>.</summary>
    public static string ModeText(uint mode) => "0" + Convert.ToString(mode & 0xFFF, 8).PadLeft(3, '0');
}
