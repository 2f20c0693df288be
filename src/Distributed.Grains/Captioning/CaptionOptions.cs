using System.ComponentModel.DataAnnotations;
using Distributed.Abstractions.Options;

namespace Distributed.Grains.Captioning;

/// <summary>Caption job behaviour. Bound from the <c>Caption</c> section.</summary>
public sealed class CaptionOptions : IOptionsSection
{
    public static string SectionName => "Caption";

    /// <summary>
    /// Period of the reminder that reactivates a running job whose silo died, even when no client asks about it.
    /// Default: 60 s (Orleans' minimum reminder period unless <c>ReminderOptions.MinimumReminderPeriod</c> is lowered).
    /// </summary>
    [Range(1, 3600, ErrorMessage = "must be between {1} and {2}")]
    public int KeepRunningReminderSeconds { get; set; } = 60;
}
