namespace Distributed.Describing.OpenAi;

/// <summary>
/// Settings of the OpenAI-compatible describer (vLLM, SGLang, Ollama, llama.cpp server). <see cref="ToString"/> never
/// shows the API key.
/// </summary>
public sealed class OpenAiDescriberOptions
{
    /// <summary>The configuration section these options bind from by convention: <c>Describer:OpenAi</c>.</summary>
    public const string SectionName = "Describer:OpenAi";

    /// <summary>Base URL of the API; <c>/chat/completions</c> is appended. Default <c>http://localhost:8000/v1</c> (vLLM).</summary>
    public Uri Endpoint { get; set; } = new("http://localhost:8000/v1");

    /// <summary>The model name the server serves, e.g. <c>Qwen/Qwen2.5-VL-7B-Instruct</c>. Required; no default.</summary>
    public string Model { get; set; } = "";

    /// <summary>Optional model revision (commit, tag, quantisation); part of the describer id when set. Default none.</summary>
    public string? ModelRevision { get; set; }

    /// <summary>The API key; when null, read from <see cref="ApiKeyEnvironmentVariable"/>. Never logged. Default none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The environment variable that holds the API key when <see cref="ApiKey"/> is not set. Default <c>OPENAI_API_KEY</c>.</summary>
    public string ApiKeyEnvironmentVariable { get; set; } = "OPENAI_API_KEY";

    /// <summary>Timeout of one HTTP attempt (more than 10 ms). Default 120 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>The <c>max_tokens</c> of a reply. Default 512.</summary>
    public int MaxTokens { get; set; } = 512;

    /// <summary>Retries after the first attempt on 408, 429, 5xx, timeouts and connection errors (0..100). Default 4.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>Median delay before the first retry; exponential backoff with jitter after that. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap on one retry delay, also on a server's <c>Retry-After</c>. Default 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Images are resized so that their longer side is at most this many pixels. Default 1024.</summary>
    public int MaxImageSide { get; set; } = 1024;

    /// <summary>Backend, model and revision: <c>openai:{Model}</c> plus <c>@{ModelRevision}</c> when set.</summary>
    public string DescriberId =>
        string.IsNullOrWhiteSpace(ModelRevision) ? $"openai:{Model}" : $"openai:{Model}@{ModelRevision}";

    /// <summary>The key to send: <see cref="ApiKey"/>, else the environment variable; null when neither is set.</summary>
    public string? ResolveApiKey()
    {
        var key = string.IsNullOrEmpty(ApiKey) && !string.IsNullOrWhiteSpace(ApiKeyEnvironmentVariable)
            ? Environment.GetEnvironmentVariable(ApiKeyEnvironmentVariable)
            : ApiKey;
        return string.IsNullOrWhiteSpace(key) ? null : key.Trim();
    }

    /// <summary>The problems with these settings; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Endpoint is null || !Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add("Endpoint must be an absolute http or https URL.");
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            problems.Add("Model is required.");
        }

        if (Timeout <= TimeSpan.FromMilliseconds(10) || Timeout >= TimeSpan.FromDays(1))
        {
            problems.Add("Timeout must be more than 10 ms and less than a day.");
        }

        if (MaxTokens < 1)
        {
            problems.Add("MaxTokens must be at least 1.");
        }

        if (MaxRetries is < 0 or > 100)
        {
            problems.Add("MaxRetries must be between 0 and 100.");
        }

        if (RetryBaseDelay < TimeSpan.Zero || MaxRetryDelay < RetryBaseDelay || MaxRetryDelay > TimeSpan.FromDays(1))
        {
            problems.Add("RetryBaseDelay must be at least 0 and at most MaxRetryDelay, which is at most a day.");
        }

        if (MaxImageSide < 1)
        {
            problems.Add("MaxImageSide must be at least 1.");
        }

        return problems;
    }

    /// <summary>The settings with the API key and any user info in the endpoint masked.</summary>
    public override string ToString() =>
        $"OpenAiDescriberOptions {{ Endpoint = {(Endpoint is { IsAbsoluteUri: true } ? new UriBuilder(Endpoint) { UserName = "", Password = "" }.Uri : Endpoint)}, Model = {Model}, ModelRevision = {ModelRevision}, " +
        $"ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(not set)" : "***")}, ApiKeyEnvironmentVariable = {ApiKeyEnvironmentVariable}, " +
        $"Timeout = {Timeout}, MaxTokens = {MaxTokens}, MaxRetries = {MaxRetries}, RetryBaseDelay = {RetryBaseDelay}, " +
        $"MaxRetryDelay = {MaxRetryDelay}, MaxImageSide = {MaxImageSide} }}";
}
