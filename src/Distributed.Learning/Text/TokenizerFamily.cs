namespace Distributed.Learning.Text;

/// <summary>How a <see cref="TextTokenizer"/> splits text and lays out a sentence pair.</summary>
public enum TokenizerFamily
{
    /// <summary>BERT WordPiece: <c>[CLS] A [SEP] B [SEP]</c>, segment ids 0 then 1.</summary>
    WordPiece,

    /// <summary>RoBERTa byte-level BPE: <c>&lt;s&gt; A &lt;/s&gt;&lt;/s&gt; B &lt;/s&gt;</c>, segment ids all 0.</summary>
    ByteLevelBpe,
}
