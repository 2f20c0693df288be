using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace Distributed.Learning.Text;

/// <summary>RoBERTa's special tokens resolved against a vocab.json, and its GPT-2 pre-tokenizer.</summary>
internal sealed record RobertaSpecials(int Cls, int Sep, int Pad, IReadOnlyDictionary<string, int> All)
{
    public const string Unknown = "<unk>";

    private static readonly string[] Names = ["<s>", "</s>", "<pad>", Unknown, "<mask>"];

    private static readonly Regex Gpt2Split = new(
        @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    public static RobertaSpecials Resolve(IReadOnlyDictionary<string, int> vocabulary, string source)
    {
        int Required(string token) => vocabulary.TryGetValue(token, out var id)
            ? id
            : throw new InvalidDataException($"'{source}' has no '{token}' token.");

        var all = Names.Where(vocabulary.ContainsKey).ToDictionary(name => name, name => vocabulary[name]);
        return new RobertaSpecials(Required("<s>"), Required("</s>"), Required("<pad>"), all);
    }

    public static PreTokenizer PreTokenizer(IReadOnlyDictionary<string, int> specials) =>
        new RegexPreTokenizer(Gpt2Split, specials);
}
