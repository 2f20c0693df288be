namespace Distributed.Learning.Evaluation;

/// <summary>One label's row of a <see cref="ClassificationReport"/> (scikit-learn conventions, <c>zero_division=0</c>).</summary>
/// <param name="Label">The label's name.</param>
/// <param name="Precision">True positives / rows predicted as the label; 0 when it was never predicted.</param>
/// <param name="Recall">True positives / support; 0 when the support is 0.</param>
/// <param name="F1">2·TP / (2·TP + FP + FN), the harmonic mean of precision and recall; 0 when TP = FP = FN = 0.</param>
/// <param name="Support">Rows whose truth is the label.</param>
public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, int Support);
