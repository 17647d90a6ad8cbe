using System.Text;

namespace IpcPlayground.Exports.CProgram;

/// <summary>Lines of C with four-space indentation.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _depth;

    public CodeWriter Line(string line = "")
    {
        if (line.Length > 0) _text.Append(' ', _depth * 4);
        _text.Append(line).Append('\n');
        return this;
    }

    public CodeWriter Raw(string text)
    {
        _text.Append(text);
        return this;
    }

    public CodeWriter Open(string line)
    {
        Line(line + " {");
        _depth++;
        return this;
    }

    /// <summary>A function's signature, its brace on the next line, and the body indented.</summary>
    public CodeWriter OpenFunction(string signature)
    {
        Line(signature).Line("{");
        _depth++;
        return this;
    }

    public CodeWriter Close(string after = "")
    {
        _depth--;
        return Line("}" + after);
    }

    public override string ToString() => _text.ToString();
}
