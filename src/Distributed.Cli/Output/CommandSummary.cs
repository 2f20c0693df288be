using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Distributed.Cli.Output;

/// <summary>The state of one pipeline stage in a command's summary.</summary>
public enum StageStatus { Done, NotAvailable, Failed, Skipped }

/// <summary>One stage: what ran, how it ended, and (for not-available or failed stages) why.</summary>
public sealed record StageResult(string Name, StageStatus Status, string? Detail = null, double? Seconds = null);

/// <summary>
/// The summary every command prints (with <c>--json</c>, as the last stdout line): command, overall status, stages,
/// plus the command's own fields. Overall status: <c>failed</c> if a stage failed, <c>partial</c> if a stage is not
/// available yet, else <c>ok</c>. Exit code: 1 failed, 2 finished with failed rows, otherwise 0.
/// </summary>
public sealed class CommandSummary(string command)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly List<StageResult> _stages = [];
    private readonly JsonObject _fields = [];

    public string Command { get; } = command;

    public IReadOnlyList<StageResult> Stages => _stages;

    /// <summary>Rows that finished with a permanent error (exit code 2 when nothing else failed).</summary>
    public long FailedRows { get; set; }

    public string? Error { get; private set; }

    public void Add(StageResult stage) => _stages.Add(stage);

    public void Set(string name, object? value) => _fields[name] = JsonSerializer.SerializeToNode(value, Json);

    public void Fail(string error) => Error = error;

    public string Status =>
        Error is not null || _stages.Any(s => s.Status == StageStatus.Failed) ? "failed"
        : FailedRows > 0 || _stages.Any(s => s.Status == StageStatus.NotAvailable) ? "partial"
        : "ok";

    public int ExitCode => Status == "failed" ? 1 : FailedRows > 0 ? 2 : 0;

    public string ToJson()
    {
        var root = new JsonObject
        {
            ["command"] = Command,
            ["status"] = Status,
            ["stages"] = JsonSerializer.SerializeToNode(_stages, Json),
        };
        if (Error is not null)
        {
            root["error"] = Error;
        }

        foreach (var (key, value) in _fields)
        {
            root[key] = value?.DeepClone();
        }

        return root.ToJsonString(Json);
    }
}
