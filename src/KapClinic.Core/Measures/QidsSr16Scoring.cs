namespace KapClinic.Core.Measures;

/// <summary>
/// QIDS-SR16's total is the sum of nine domain scores, not of sixteen items: a patient who sleeps badly
/// in four ways has one sleep problem, so each multi-item domain takes its highest item.
/// </summary>
internal static class QidsSr16Scoring
{
    public static int Total(IReadOnlyList<int> answers) =>
        QidsSr16Definition.Domains.Sum(domain => domain.Max(item => answers[item - 1]));
}
