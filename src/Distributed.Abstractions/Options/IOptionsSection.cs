namespace Distributed.Abstractions.Options;

/// <summary>An options class bound from one configuration section.</summary>
public interface IOptionsSection
{
    static abstract string SectionName { get; }
}
