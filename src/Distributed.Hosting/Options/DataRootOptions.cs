using System.ComponentModel.DataAnnotations;
using Distributed.Abstractions.Options;

namespace Distributed.Hosting.Options;

/// <summary>Where local data lives. Bound from the <c>Data</c> section.</summary>
public sealed class DataRootOptions : IOptionsSection
{
    public static string SectionName => "Data";

    /// <summary>
    /// Root folder for datasets, the description store, job state and runs. Default: <c>./.distributed</c>
    /// (relative to the working folder); <c>--data-root</c> or <c>DISTRIBUTED_DATA_ROOT</c> change it.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "must name a folder")]
    public string Root { get; set; } = ".distributed";

    /// <summary>The root as an absolute path.</summary>
    public string FullRoot => Path.GetFullPath(Root);
}
