using KapClinic.LoadSupport;

namespace KapClinic.Soak;

/// <summary>
/// One person at a browser: an action from the mix, a pause to think (0.5-2 s), the next; a submit lost to an outage
/// is kept and sent again (the same form, the same idempotency key) before anything new, until it gets an answer.
/// </summary>
public sealed partial class SimulatedUser(LoadUser user, ClinicClient client, LoadContext context, int seed)
{
    private static readonly (string Name, int Weight)[] ClinicianMix =
        [("search", 25), ("chart", 30), ("vitals", 22), ("note", 13), ("export", 10)];

    // Booking is the front desk's (and Admins') job: Clinicians may not book.
    private static readonly (string Name, int Weight)[] StaffMix = [("search", 35), ("book", 45), ("export", 20)];

    private readonly Random random = new(seed);
    private readonly UserHttp http = new(client, context.Stats, context.Options.Faults);
    private readonly Queue<PendingWrite> pending = new();

    public int Actions { get; private set; }

    public int PendingWrites => pending.Count;

    /// <summary>Acts until <paramref name="until"/> (or cancellation).</summary>
    public async Task RunAsync(DateTime until, CancellationToken cancellationToken)
    {
        while (DateTime.UtcNow < until && !cancellationToken.IsCancellationRequested)
        {
            if (pending.TryPeek(out var retry))
            {
                if (await SubmitAsync(retry, cancellationToken))
                {
                    pending.Dequeue();
                }
            }
            else
            {
                await ActAsync(Pick(user.IsStaff ? StaffMix : ClinicianMix), cancellationToken);
            }

            Actions++;
            var think = context.Options.ThinkMin + ((context.Options.ThinkMax - context.Options.ThinkMin) * random.NextDouble());
            await Task.Delay(think, cancellationToken);
        }
    }

    /// <summary>After the load: sends the submits still lost to the outage again, a bounded number of times.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 15 && pending.Count > 0; attempt++)
        {
            if (await SubmitAsync(pending.Peek(), cancellationToken))
            {
                pending.Dequeue();
                continue;
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
    }

    private Task ActAsync(string action, CancellationToken cancellationToken) => action switch
    {
        "search" => SearchAsync(cancellationToken),
        "chart" => ChartAsync(cancellationToken),
        "vitals" => VitalsAsync(cancellationToken),
        "note" => NoteAsync(cancellationToken),
        "book" => BookAsync(cancellationToken),
        _ => ExportAsync(cancellationToken),
    };

    /// <summary>
    /// Sends the write and records it: true when it is settled (acknowledged, or refused for a reason no retry changes);
    /// false when an outage swallowed it (the friendly 503, or no answer at all) and it should be sent again.
    /// </summary>
    private async Task<bool> SubmitAsync(PendingWrite write, CancellationToken cancellationToken)
    {
        context.Ledger.Submitted(write.Kind, write.Marker);
        var outcome = await http.PostAsync(write.Label, write.Url, write.Form, write.Fields, cancellationToken);
        if (outcome.IsRedirect && outcome.Location?.StartsWith(write.SuccessLocationPrefix, StringComparison.OrdinalIgnoreCase) == true)
        {
            context.Ledger.Acknowledged(write.Kind, write.Marker);
            return true;
        }

        if (outcome.IsOutage)
        {
            return false;
        }

        if (outcome.Status < 500)
        {
            context.Stats.Rejected(write.Label, outcome, FirstError(outcome.Body));
        }

        return true;
    }

    private async Task WriteAsync(PendingWrite write, CancellationToken cancellationToken)
    {
        if (!await SubmitAsync(write, cancellationToken))
        {
            pending.Enqueue(write);
        }
    }

    private string Pick((string Name, int Weight)[] mix)
    {
        var roll = random.Next(mix.Sum(m => m.Weight));
        foreach (var (name, weight) in mix)
        {
            if ((roll -= weight) < 0)
            {
                return name;
            }
        }

        return mix[^1].Name;
    }

    private T Any<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string? FirstError(string body)
    {
        foreach (var marker in new[] { "alert-danger", "field-validation-error", "validation-summary-errors" })
        {
            var at = body.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                var text = System.Text.RegularExpressions.Regex.Replace(body[at..Math.Min(body.Length, at + 400)], "<[^>]*>", " ");
                return string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(25));
            }
        }

        return null;
    }
}
