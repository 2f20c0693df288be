namespace Distributed.Learning.Objectives;

/// <summary>Options of <see cref="AffectObjective"/>.</summary>
/// <param name="Lambda">Weight of the uniformity term; default 0.1; 0 = plain cross-entropy fine-tuning.</param>
/// <param name="T">Uniformity temperature t; default 2.</param>
public sealed record AffectObjectiveOptions(double Lambda = 0.1, double T = UniformityLoss.DefaultT);
