namespace KapClinic.Core.Tests.Measures;

/// <summary>Builds answer lists for tests, so each test states the total it needs rather than 30 numbers.</summary>
internal static class AnswerSets
{
    /// <summary><paramref name="count"/> answers that add up to <paramref name="total"/>, filling items to <paramref name="max"/> in order.</summary>
    public static int[] Summing(int count, int max, int total)
    {
        var answers = new int[count];
        for (var i = 0; i < count && total > 0; i++)
        {
            answers[i] = Math.Min(max, total);
            total -= answers[i];
        }

        Assert.Equal(0, total);
        return answers;
    }

    public static int[] Filled(int count, int value) => Enumerable.Repeat(value, count).ToArray();

    /// <summary>Sixteen QIDS-SR16 answers whose nine domain scores add up to <paramref name="total"/>.</summary>
    public static int[] QidsWithTotal(int total)
    {
        // First item of each domain: sleep 1, mood 5, appetite/weight 6, concentration 10, self 11,
        // suicide 12, interest 13, energy 14, psychomotor 15.
        int[] domainFirstItems = [1, 5, 6, 10, 11, 12, 13, 14, 15];
        var answers = new int[16];
        var domainScores = Summing(domainFirstItems.Length, 3, total);
        for (var d = 0; d < domainFirstItems.Length; d++)
        {
            answers[domainFirstItems[d] - 1] = domainScores[d];
        }

        return answers;
    }
}
