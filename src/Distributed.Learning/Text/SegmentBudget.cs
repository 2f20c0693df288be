namespace Distributed.Learning.Text;

/// <summary>
/// Splits a content budget (sequence length minus special tokens) between the post and the description. Each side is
/// promised its share — the post <c>floor(budget × postShare)</c>, the description the rest; a side that needs less
/// than its share gives the remainder to the other side. Truncation keeps the head of each side.
/// </summary>
public static class SegmentBudget
{
    private const double RoundingSlack = 1e-9;

    /// <summary>Tokens kept from the post and from the description; their sum never exceeds <paramref name="budget"/>.</summary>
    public static (int Post, int Description) Allocate(int postLength, int descriptionLength, int budget, double postShare)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(postLength);
        ArgumentOutOfRangeException.ThrowIfNegative(descriptionLength);
        ArgumentOutOfRangeException.ThrowIfNegative(budget);
        ValidateShare(postShare);

        if (postLength + descriptionLength <= budget)
        {
            return (postLength, descriptionLength);
        }

        var postQuota = (int)Math.Floor((budget * postShare) + RoundingSlack);
        var descriptionQuota = budget - postQuota;
        if (postLength <= postQuota)
        {
            return (postLength, budget - postLength);
        }

        if (descriptionLength <= descriptionQuota)
        {
            return (budget - descriptionLength, descriptionLength);
        }

        return (postQuota, descriptionQuota);
    }

    /// <summary>Throws unless <paramref name="postShare"/> is a number in [0, 1].</summary>
    public static void ValidateShare(double postShare)
    {
        if (!(postShare is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(postShare), postShare, "The post share must be in [0, 1].");
        }
    }
}
