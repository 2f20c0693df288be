using Distributed.Learning.Text;

namespace Distributed.Learning.Tests.Text;

/// <summary>A temporary folder for hand-written vocab files, deleted on dispose.</summary>
internal sealed class TempVocabDirectory : IDisposable
{
    public const int TinyRobertaSize = 25;

    private const string TinyRobertaVocab = """
        {"<s>":0,"<pad>":1,"</s>":2,"<unk>":3,"h":4,"e":5,"l":6,"o":7,"w":8,"r":9,"d":10,"Ġ":11,"he":12,"ll":13,
         "hell":14,"hello":15,"Ġw":16,"or":17,"Ġwor":18,"Ġworl":19,"Ġworld":20,"!":21,"<mask>":22,"Ã":23,"©":24}
        """;

    private const string TinyRobertaMerges = "#version: 0.2\nh e\nl l\nhe ll\nhell o\nĠ w\no r\nĠw or\nĠwor l\nĠworl d\n";

    private readonly string _path = Directory.CreateTempSubdirectory("distributed-text-").FullName;

    public string Write(string name, string content)
    {
        var path = Path.Combine(_path, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>hello=15, Ġworld=20, !=21, Ġ=11; é is bytes Ã(23) ©(24).</summary>
    public TextTokenizer TinyRoberta() =>
        TextTokenizer.FromRobertaFiles(Write("vocab.json", TinyRobertaVocab), Write("merges.txt", TinyRobertaMerges));

    public void Dispose() => Directory.Delete(_path, recursive: true);
}
