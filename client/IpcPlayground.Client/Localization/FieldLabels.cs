namespace IpcPlayground.Client.Localization;

/// <summary>
/// The composer's field labels. In English a field is labelled with its JSON name, the word the JSON view and the
/// contract use; in Chinese with a translation, the JSON name beside it so the two views still meet.
/// </summary>
public static class FieldLabels
{
    private static readonly Dictionary<string, string> ChineseWords = new(StringComparer.Ordinal)
    {
        ["object"] = "对象", ["data"] = "数据", ["size"] = "大小", ["end"] = "端", ["bytes"] = "字节数", ["type"] = "类型",
        ["priority"] = "优先级", ["maxBytes"] = "最大字节数", ["nowait"] = "不等待", ["mode"] = "模式", ["offset"] = "偏移",
        ["int32"] = "整数", ["length"] = "长度", ["times"] = "次数", ["atomic"] = "原子操作", ["index"] = "序号", ["count"] = "数量",
        ["process"] = "进程", ["signal"] = "信号", ["action"] = "动作", ["signals"] = "信号集", ["timeoutMs"] = "超时（毫秒）",
        ["ms"] = "毫秒", ["code"] = "退出码", ["undo"] = "退出时撤销", ["create"] = "创建", ["exclusive"] = "独占", ["value"] = "值",
        ["flags"] = "标志", ["kind"] = "种类", ["path"] = "路径", ["objects"] = "对象集", ["fd"] = "描述符", ["as"] = "接收为",
        ["program"] = "程序", ["args"] = "参数", ["stdin"] = "标准输入", ["stdout"] = "标准输出", ["capacity"] = "容量",
        ["initial"] = "初值", ["maxMessages"] = "最多消息数", ["messageSize"] = "消息大小", ["key"] = "键", ["name"] = "名称",
        ["port"] = "端口", ["semaphore"] = "信号量模式",
    };

    /// <summary>The fields that have a Chinese label (a completeness test checks every field of the forms has one).</summary>
    public static IReadOnlyCollection<string> Translated => ChineseWords.Keys;

    public static string English(string field) => field;

    public static string Chinese(string field) => ChineseWords.TryGetValue(field, out var word) ? $"{word} {field}" : field;
}
