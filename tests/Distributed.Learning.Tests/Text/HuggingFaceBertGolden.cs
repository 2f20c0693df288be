using Distributed.Learning.Text;

namespace Distributed.Learning.Tests.Text;

/// <summary>
/// Ids from a line-by-line Python port of transformers' slow <c>BertTokenizer(do_lower_case=True)</c> (BasicTokenizer
/// + WordpieceTokenizer, Python 3.11 unicodedata) run on the MiniLM vocab; the C# tokenizer matched it on ~6,000
/// fuzzed strings except for code points unassigned in Unicode 14.
/// </summary>
internal static class HuggingFaceBertGolden
{
    public static TheoryData<string, int[]> Rows => new()
    {
        {
            "I can't believe this happened today!!! \U0001F621 The caf\u00E9 was closed again\u2026 #fail @ow" +
            "ner http://t.co/x",
            [1045, 2064, 1005, 1056, 2903, 2023, 3047, 2651, 999, 999, 999, 100, 1996, 7668, 2001, 2701, 2153, 1529,
             1001, 8246, 1030, 3954, 8299, 1024, 1013, 1013, 1056, 1012, 2522, 1013, 1060]
        },
        {
            "Cr\u00E8me br\u00FBl\u00E9e > tiramisu?! \u00BFQu\u00E9? \u00DCn\u00EFc\u00F6d\u00E9 \u1E9Etra\u00DFe",
            [13675, 21382, 7987, 9307, 2063, 1028, 14841, 6444, 2483, 2226, 1029, 999, 1094, 10861, 1029, 27260, 1096,
             6494, 17499]
        },
        {
            "\u039F\u0394\u039F\u03A3 \u0395\u03BB\u03BB\u03B7\u03BD\u03B9\u03BA\u03AC \u00B7 \u041F\u0440" +
            "\u0438\u0432\u0435\u0442, \u043C\u0438\u0440! \u0401\u043B\u043A\u0430",
            [1169, 29722, 15297, 1159, 29727, 29727, 24824, 16177, 18199, 29726, 14608, 1087, 1194, 16856, 10325,
             25529, 15290, 22919, 1010, 1191, 10325, 16856, 999, 1185, 29436, 28598]
        },
        {
            "\u65E5\u672C\u8A9E\u306E\u30C6\u30AD\u30B9\u30C8 \u4E2D\u6587\u6E2C\u8A66 \uD55C\uAD6D\uC5B4 \uBB38\uC7A5",
            [1864, 1876, 1950, 1671, 30239, 30227, 30233, 30240, 1746, 1861, 100, 100, 1469, 30006, 30021, 29991,
             30014, 30020, 29999, 30008, 1459, 30014, 30021, 30000, 30006, 30025]
        },
        {
            "$5.99 (50% off) \u2014 \u201Cdeal\u201D \u2018of\u2019 \u00ABthe\u00BB day \u00BD \u00B2 \u2103",
            [1002, 1019, 1012, 5585, 1006, 2753, 1003, 2125, 1007, 1517, 1523, 3066, 1524, 1520, 1997, 1521, 1077,
             1996, 1090, 2154, 1092, 1082, 100]
        },
        {
            "tabs\u0009and\u000Anew\u000D\u000Alines\u00A0nbsp\u200Bzwsp\u0085nel",
            [21628, 2015, 1998, 2047, 3210, 1050, 5910, 2361, 2480, 9333, 2361, 11877]
        },
        {
            "\u0939\u093F\u0928\u094D\u0926\u0940 \u092A\u093E\u0920 \u0E20\u0E32\u0E29\u0E32\u0E44\u0E17" +
            "\u0E22 \u0645\u0631\u062D\u0628\u0627",
            [1339, 29877, 29863, 29861, 29878, 100, 100, 1295, 17149, 29820, 29816, 25573]
        },
        {
            "supercalifragilisticexpialidocious " + new string('x', 101),
            [3565, 9289, 10128, 29181, 24411, 4588, 10288, 19312, 21273, 10085, 6313, 100]
        },
    };
}
