namespace Distributed.Data.Samples;

/// <summary>
/// Colours per scene class. Positive: bright, warm, saturated. Neutral: mid-grey / beige. Negative: dark, cold,
/// desaturated. Mean luma alone separates them (over 3000 scenes: 195..219, 130..160, 22..42).
/// </summary>
internal static class ScenePalettes
{
    public static readonly (Rgb Top, Rgb Bottom)[] PositiveSkies =
    [
        (new(110, 190, 250), new(255, 235, 150)),
        (new(255, 170, 70), new(255, 230, 120)),
        (new(255, 240, 120), new(255, 200, 90)),
        (new(130, 205, 255), new(200, 235, 255)),
    ];

    public static readonly Rgb[] PositiveSuns = [new(255, 225, 40), new(255, 250, 200), new(255, 200, 60)];

    public static readonly Rgb[] PositiveShapes =
    [
        new(255, 150, 40), new(255, 210, 0), new(255, 150, 170), new(90, 180, 255), new(170, 230, 80),
    ];

    public static readonly (Rgb Top, Rgb Bottom)[] NeutralWalls =
    [
        (new(175, 165, 150), new(150, 142, 130)),
        (new(150, 150, 150), new(120, 120, 120)),
        (new(165, 160, 150), new(135, 132, 125)),
    ];

    public static readonly Rgb[] NeutralShapes =
    [
        new(120, 115, 105), new(185, 180, 170), new(140, 140, 140), new(165, 155, 132), new(128, 130, 134),
    ];

    public static readonly (Rgb Top, Rgb Bottom)[] NegativeGrounds =
    [
        (new(25, 30, 60), new(10, 12, 30)),
        (new(55, 55, 60), new(25, 25, 28)),
        (new(60, 45, 75), new(25, 20, 35)),
        (new(45, 55, 65), new(20, 25, 30)),
    ];

    public static readonly Rgb[] NegativeShapes =
    [
        new(90, 90, 100), new(70, 60, 85), new(40, 40, 45), new(110, 105, 100), new(60, 70, 90), new(15, 15, 20),
    ];

    /// <summary>Uniform pick.</summary>
    public static T Pick<T>(T[] pool, Random rng) => pool[rng.Next(pool.Length)];
}
