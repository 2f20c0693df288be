using Distributed.Data.Samples;

namespace Distributed.Data.Tests;

/// <summary>One default-sized dataset (300 items, seed 42) shared by the read-only content tests.</summary>
public sealed class SampleDatasetFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public SampleDatasetFixture()
    {
        Summary = SampleDataset.GenerateAsync(_folder.Path, new SampleDatasetOptions()).GetAwaiter().GetResult();
        Rows = ManifestRow.Read(Summary.ManifestPath);
        Cues = Rows.ToDictionary(r => r.Id, r => ImageCues.Measure(System.IO.Path.Combine(_folder.Path, r.Image)));
    }

    public string Folder => _folder.Path;

    public SampleDatasetSummary Summary { get; }

    public IReadOnlyList<ManifestRow> Rows { get; }

    public IReadOnlyDictionary<string, ImageCues> Cues { get; }

    public void Dispose() => _folder.Dispose();
}
