using System.ComponentModel.DataAnnotations;
using Distributed.Abstractions.Options;

namespace Distributed.Grains.Cluster;

/// <summary>What work this silo accepts. Bound from the <c>Silo</c> configuration section.</summary>
public sealed class SiloRoleOptions : IOptionsSection, IValidatableObject
{
    public static string SectionName => "Silo";

    /// <summary>The roles a silo may carry.</summary>
    public static readonly IReadOnlyList<string> KnownRoles = ["general", "describer", "trainer"];

    /// <summary>
    /// This silo's roles as configured. Default: none listed, which means all of <see cref="KnownRoles"/> (an embedded
    /// silo does everything; see <see cref="Effective"/>). Empty by default because the configuration binder appends a
    /// configured array to a non-empty default: <c>--Silo:Roles:0 describer</c> must mean "describer only".
    /// </summary>
    public string[] Roles { get; set; } = [];

    /// <summary>The roles this silo carries: <see cref="Roles"/> without repeats, or all known roles when none is listed.</summary>
    public IReadOnlyList<string> Effective => Roles.Length > 0 ? [.. Roles.Distinct(StringComparer.Ordinal)] : KnownRoles;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var allowed = $"allowed: {string.Join(", ", KnownRoles)}";
        foreach (var role in Roles.Where(r => !KnownRoles.Contains(r)))
        {
            yield return new ValidationResult($"unknown role '{role}' ({allowed})", [nameof(Roles)]);
        }
    }
}
