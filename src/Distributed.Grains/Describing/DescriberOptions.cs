using System.ComponentModel.DataAnnotations;
using Distributed.Abstractions.Options;

namespace Distributed.Grains.Describing;

/// <summary>Which backend an endpoint talks to.</summary>
public enum DescriberBackend
{
    /// <summary>The embedded CPU describer (Tesseract OCR + measured visual cues + rule-based reasoning).</summary>
    Embedded,

    /// <summary>An OpenAI-compatible chat-completions server (vLLM, SGLang, Ollama, llama.cpp).</summary>
    OpenAi,
}

/// <summary>One describer endpoint a silo serves (on Kubernetes: the VLM sidecar on the pod's localhost).</summary>
public sealed class DescriberEndpointOptions
{
    /// <summary>Endpoint name; jobs pick describers by name. Required.</summary>
    [Required, RegularExpression("^[a-z0-9][a-z0-9-]{0,40}$", ErrorMessage = "must be 1-41 lowercase letters, digits or '-'")]
    public string Name { get; set; } = "";

    /// <summary>Backend. Default: Embedded.</summary>
    public DescriberBackend Backend { get; set; } = DescriberBackend.Embedded;

    /// <summary>Requests in flight at once; 0 means one per core (embedded) or 16 (OpenAI). Default: 0.</summary>
    [Range(0, 1024, ErrorMessage = "must be between {1} and {2}")]
    public int MaxInFlight { get; set; }

    /// <summary>OpenAI-compatible base URL, e.g. http://localhost:8000/v1 (OpenAi only).</summary>
    public string? Endpoint { get; set; }

    /// <summary>Model name served at the endpoint (OpenAi only).</summary>
    public string? Model { get; set; }

    /// <summary>Model revision, part of the describer id (OpenAi only; optional).</summary>
    public string? ModelRevision { get; set; }

    /// <summary>Environment variable holding the API key (OpenAi only). Default: OPENAI_API_KEY. Keys never go in config files.</summary>
    public string ApiKeyEnvironmentVariable { get; set; } = "OPENAI_API_KEY";

    /// <summary>Per-attempt timeout in seconds (OpenAi only). Default: 120.</summary>
    [Range(1, 3600, ErrorMessage = "must be between {1} and {2}")]
    public int TimeoutSeconds { get; set; } = 120;

    /// <summary>Retries after a 408/429/5xx/timeout/unreachable attempt (OpenAi only). Default: 4.</summary>
    [Range(0, 10, ErrorMessage = "must be between {1} and {2}")]
    public int MaxRetries { get; set; } = 4;

    /// <summary>Maximum reply tokens (OpenAi only). Default: 512.</summary>
    [Range(16, 32768, ErrorMessage = "must be between {1} and {2}")]
    public int MaxTokens { get; set; } = 512;
}

/// <summary>The describer endpoints of this silo. Bound from the <c>Describers</c> section.</summary>
public sealed class DescriberOptions : IOptionsSection, IValidatableObject
{
    public static string SectionName => "Describers";

    /// <summary>Endpoints. Default (none configured): one embedded endpoint named <c>embedded</c>.</summary>
    public DescriberEndpointOptions[]? Endpoints { get; set; }

    public IReadOnlyList<DescriberEndpointOptions> Effective =>
        Endpoints is { Length: > 0 } ? Endpoints : [new DescriberEndpointOptions { Name = "embedded" }];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var endpoints = Effective;
        for (var i = 0; i < endpoints.Count; i++)
        {
            var endpoint = endpoints[i];
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(endpoint, new ValidationContext(endpoint), results, validateAllProperties: true);
            foreach (var result in results)
            {
                yield return new ValidationResult($"Endpoints:{i}:{result.MemberNames.FirstOrDefault()} {result.ErrorMessage}", [nameof(Endpoints)]);
            }

            if (endpoint.Backend != DescriberBackend.OpenAi)
            {
                continue;
            }

            if (!Uri.TryCreate(endpoint.Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                yield return new ValidationResult($"Endpoints:{i}:Endpoint = '{endpoint.Endpoint}': must be an http(s) URL such as http://localhost:8000/v1", [nameof(Endpoints)]);
            }

            if (string.IsNullOrWhiteSpace(endpoint.Model))
            {
                yield return new ValidationResult($"Endpoints:{i}:Model is required for the OpenAi backend", [nameof(Endpoints)]);
            }
        }

        foreach (var duplicate in endpoints.GroupBy(e => e.Name).Where(g => g.Count() > 1))
        {
            yield return new ValidationResult($"endpoint name '{duplicate.Key}' is used twice", [nameof(Endpoints)]);
        }
    }
}
