using Distributed.Abstractions.Options;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace Distributed.Hosting.Options;

/// <summary>
/// Data-annotation validation whose messages name the full configuration key and the value found, e.g.
/// <c>Cluster:SiloPort = 70000: must be between 0 and 65535</c>.
/// </summary>
public sealed class SectionValidator<T> : IValidateOptions<T> where T : class, IOptionsSection
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var errors = SectionValidation.Errors(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>Runs data-annotation validation and phrases each error with its configuration key.</summary>
public static class SectionValidation
{
    public static IReadOnlyList<string> Errors<T>(T options) where T : class, IOptionsSection
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => Describe(options, r))];
    }

    private static string Describe<T>(T options, ValidationResult result) where T : class, IOptionsSection
    {
        var member = result.MemberNames.FirstOrDefault();
        if (member is null)
        {
            return $"{T.SectionName}: {result.ErrorMessage}";
        }

        var value = typeof(T).GetProperty(member)?.GetValue(options);
        var shown = value is string { Length: > 0 } && IsSecret(member) ? "(set, not shown)" : Format(value);
        return $"{T.SectionName}:{member} = {shown}: {result.ErrorMessage}";
    }

    /// <summary>Keys whose values are secrets: never echoed in an error (file paths, <c>...File</c>, are shown).</summary>
    private static bool IsSecret(string member) =>
        !member.EndsWith("File", StringComparison.Ordinal)
        && (member.Contains("ConnectionString", StringComparison.Ordinal) || member.Contains("Password", StringComparison.Ordinal)
            || member.Contains("SasToken", StringComparison.Ordinal) || member.Contains("ApiKey", StringComparison.Ordinal)
            || member.Contains("Secret", StringComparison.Ordinal));

    private static string Format(object? value) => value switch
    {
        null => "(not set)",
        string s => $"'{s}'",
        System.Collections.IEnumerable items => $"[{string.Join(", ", items.Cast<object?>().Select(Format))}]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
