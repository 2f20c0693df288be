using System.ComponentModel.DataAnnotations;
using Distributed.Abstractions.Options;

namespace Distributed.Grains.Cluster;

/// <summary>What work this silo accepts. Bound from the <c>Silo</c> configuration section.</summary>
public sealed class SiloRoleOptions : IOptionsSection, IValidatableObject
{
    public static string SectionName => "Silo";

    /// <summary>The roles a silo may carry.</summary>
    public static readonly IReadOnlyList<string> KnownRoles = ["general", "describer", "trainer"];

    /// <summary>This silo's roles. Default: all of <see cref="KnownRoles"/> (an embedded silo does everything).</summary>
    public string[] Roles { get; set; } = [.. KnownRoles];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var allowed = $"allowed: {string.Join(", ", KnownRoles)}";
        if (Roles.Length == 0)
        {
            yield return new ValidationResult($"must list at least one role ({allowed})", [nameof(Roles)]);
        }

        foreach (var role in Roles.Where(r => !KnownRoles.Contains(r)))
        {
            yield return new ValidationResult($"unknown role '{role}' ({allowed})", [nameof(Roles)]);
        }
    }
}
