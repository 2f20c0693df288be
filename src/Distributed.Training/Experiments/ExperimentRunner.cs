using Distributed.Learning.Encoder;
using Distributed.Learning.Fusion;
using Distributed.Learning.Objectives;
using Distributed.Learning.Text;
using Distributed.Learning.Training;

namespace Distributed.Training.Experiments;

/// <summary>
/// Runs the experiment: for each selected variant and each seed, a fresh model (seeded) trained with
/// <see cref="Trainer"/> on the train split, early-stopped on dev weighted F1, scored on test; then the alignment
/// diagnostics on the test split with the trained late-fusion (b) and method (d) models. Every seed uses the same
/// splits. Synchronous: TorchSharp state is bound to the calling thread.
/// </summary>
public sealed class ExperimentRunner
{
    private readonly ExperimentOptions _options;

    /// <summary>Creates a runner; throws <see cref="ArgumentException"/> when an option is out of range.</summary>
    public ExperimentRunner(ExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>
    /// Runs every selected variant for every seed on <paramref name="rows"/> with <paramref name="labels"/> naming the
    /// classes. Throws <see cref="ArgumentException"/> naming the problem for bad input (an empty split, a label
    /// outside the label set, a fusion variant without image features, ...). Cancellation is checked at every step.
    /// </summary>
    public ExperimentResult Run(
        IReadOnlyList<ExperimentRow> rows,
        IReadOnlyList<string> labels,
        IProgress<ExperimentProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var variants = _options.SelectedVariants();
        var data = ExperimentData.Create(rows, labels, variants);
        var encoder = new PairEncoder(_options.Tokenizer, _options.MaxLength);
        var runs = new RunCounter(variants.Count * _options.Seeds.Count);
        var shuffles = new Dictionary<int, IReadOnlyDictionary<string, string>>();
        var textImage = new List<AlignmentMeasure>();
        var textDescription = new List<AlignmentMeasure>();
        var results = new List<VariantResult>();
        foreach (var variant in variants)
        {
            var seeds = new List<SeedResult>();
            foreach (var seed in _options.Seeds)
            {
                var splits = SplitsFor(variant, data, seed, shuffles);
                var run = new VariantRun(variant, seed, labels, splits, encoder, _options);
                seeds.Add(run.Train(runs.Next(), runs.Total, progress, cancellationToken));
                if (variant.Key == "b" && run.Model is LateFusionClassifier fusion)
                {
                    AddIfAny(textImage, ExperimentAlignment.TextImage(
                        fusion, data.Splits[ExperimentSplit.Test], encoder, seed, _options.EvaluationBatchSize));
                }

                if (variant.Key == "d")
                {
                    AddIfAny(textDescription, ExperimentAlignment.TextDescription(
                        run.Model, data.Splits[ExperimentSplit.Test], encoder, seed, _options.EvaluationBatchSize));
                }

                run.Dispose();
            }

            results.Add(Summarise(variant, seeds));
        }

        var alignment = new AlignmentDiagnostics(AlignmentSummary.Of(textImage), AlignmentSummary.Of(textDescription));
        return new ExperimentResult(labels, _options.Seeds, results, alignment, shuffles);
    }

    private static Dictionary<string, IReadOnlyList<ExperimentRow>> SplitsFor(
        ExperimentVariant variant, ExperimentData data, int seed, Dictionary<int, IReadOnlyDictionary<string, string>> shuffles)
    {
        if (variant.Input != VariantInput.PostAndShuffledDescription)
        {
            return data.Splits.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        }

        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var splits = data.Splits.ToDictionary(
            p => p.Key, p => DescriptionShuffle.Derange(p.Value, DescriptionShuffle.SplitSeed(seed, p.Key), sources),
            StringComparer.Ordinal);
        shuffles[seed] = sources;
        return splits;
    }

    private static void AddIfAny(List<AlignmentMeasure> measures, AlignmentMeasure? measure)
    {
        if (measure is not null)
        {
            measures.Add(measure);
        }
    }

    private static VariantResult Summarise(ExperimentVariant variant, List<SeedResult> seeds) => new(
        variant.Key,
        variant.Name,
        seeds.Average(s => s.Accuracy),
        SampleStd(seeds.Select(s => s.Accuracy)),
        seeds.Average(s => s.WeightedF1),
        SampleStd(seeds.Select(s => s.WeightedF1)),
        seeds.Average(s => s.MacroF1),
        SampleStd(seeds.Select(s => s.MacroF1)),
        seeds);

    /// <summary>Sample standard deviation (n - 1 in the denominator); 0 for fewer than two values.</summary>
    internal static double SampleStd(IEnumerable<double> values)
    {
        var list = values.ToList();
        if (list.Count < 2)
        {
            return 0.0;
        }

        var mean = list.Average();
        return Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1));
    }

    private sealed class RunCounter(int total)
    {
        private int _next;

        public int Total => total;

        public int Next() => _next++;
    }
}
