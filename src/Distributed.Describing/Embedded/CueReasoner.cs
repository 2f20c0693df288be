namespace Distributed.Describing.Embedded;

/// <summary>
/// The embedded describer's rule-based <c>reasoning</c>: the image's polarity is the image text's lexicon polarity
/// (<see cref="ToneLexicon"/>) when it has one, else the visual tone: upbeat when at least two of bright (luma ≥ 0.6),
/// warm (warmth &gt; 0.15), colourful (M ≥ 33) hold and outnumber the gloomy cues; otherwise gloomy when dark
/// (luma &lt; 0.35), or when at least two of dark, desaturated (S &lt; 0.15), cluttered (≥ 15% edges) hold and outnumber
/// the upbeat ones; else neutral. It is compared with the
/// post text's polarity: same → consistent, one neutral → complementary, opposite → conflicting (possibly ironic),
/// where explicit image text outweighs the post and the post's words outweigh a visual mood. Deterministic; no ML.
/// </summary>
public static class CueReasoner
{
    private const int MaxQuoteLength = 60;

    /// <summary>The reasoning sentence for an image's OCR text and cues and the post's text.</summary>
    public static string Explain(string ocrText, VisualCues cues, string? postText)
    {
        ArgumentNullException.ThrowIfNull(ocrText);
        ArgumentNullException.ThrowIfNull(cues);
        var ocr = Math.Sign(ToneLexicon.Score(ocrText));
        var (visual, visualCues) = VisualTone(cues);
        var post = Math.Sign(ToneLexicon.Score(postText));
        var image = ocr != 0 ? ocr : visual;

        var text = ocrText.Length == 0
            ? "The image has no readable text"
            : ocr == 0
                ? $"The image text \"{Quote(ocrText)}\" carries no clear sentiment"
                : $"The image text \"{Quote(ocrText)}\" reads {ToneLexicon.Polarity(ocr)}";
        var mood = visual switch
        {
            > 0 => $"the visual tone is upbeat ({visualCues})",
            < 0 => $"the visual tone is gloomy ({visualCues})",
            _ => "the visual tone is neutral",
        };
        var irony = ocr != 0 && visual != 0 && ocr != visual ? ", a contrast between text and picture that may be ironic" : "";
        var postPart = string.IsNullOrWhiteSpace(postText)
            ? "there is no post text"
            : post == 0 ? "the post text carries no clear sentiment" : $"the post text reads {ToneLexicon.Polarity(post)}";
        return $"{text}; {mood}{irony}; {postPart}. {Relation(image, post, ocr != 0, string.IsNullOrWhiteSpace(postText))}";
    }

    private static string Relation(int image, int post, bool imageTextDecides, bool noPost)
    {
        if (noPost)
        {
            return $"The image alone carries the affect: overall {ToneLexicon.Polarity(image)}.";
        }

        if (image == post)
        {
            return $"Image and post are consistent: overall {ToneLexicon.Polarity(image)}.";
        }

        if (image == 0 || post == 0)
        {
            var lean = image != 0 ? image : post;
            var who = image != 0 ? "the image supplies a sentiment the post leaves unstated" : "the image adds context without a sentiment of its own";
            return $"Image and post are complementary ({who}): overall {ToneLexicon.Polarity(lean)}.";
        }

        return imageTextDecides
            ? $"Image and post are conflicting, possibly ironic: overall leans {ToneLexicon.Polarity(image)}, as the text in the image is the more explicit cue."
            : $"Image and post are conflicting, possibly ironic: overall leans {ToneLexicon.Polarity(post)}, as the post's words outweigh a visual mood.";
    }

    private static (int Tone, string Cues) VisualTone(VisualCues cues)
    {
        var upbeat = new List<string>();
        var gloomy = new List<string>();
        Add(upbeat, cues.Brightness >= 0.6, "bright");
        Add(upbeat, cues.Warmth > 0.15, "warm");
        Add(upbeat, cues.Colourfulness >= 33, "colourful");
        Add(gloomy, cues.Brightness < 0.35, "dark");
        Add(gloomy, cues.Saturation < 0.15, "desaturated");
        Add(gloomy, cues.EdgeDensity >= 0.15, "cluttered");
        if (upbeat.Count >= 2 && upbeat.Count > gloomy.Count)
        {
            return (1, string.Join(", ", upbeat));
        }

        var dark = cues.Brightness < 0.35;
        return dark || (gloomy.Count >= 2 && gloomy.Count > upbeat.Count) ? (-1, string.Join(", ", gloomy)) : (0, "");
    }

    private static void Add(List<string> list, bool condition, string word)
    {
        if (condition)
        {
            list.Add(word);
        }
    }

    private static string Quote(string text) =>
        text.Length <= MaxQuoteLength ? text : string.Concat(text.AsSpan(0, MaxQuoteLength - 3), "...");
}
