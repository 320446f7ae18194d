namespace KapClinic.TestSupport;

/// <summary>Polls a condition for a bounded time: for effects that arrive asynchronously (a PostgreSQL notice, say).</summary>
public static class Eventually
{
    /// <summary>Whether <paramref name="condition"/> held within <paramref name="within"/> (checked every 25 ms).</summary>
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            if (await condition())
            {
                return true;
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(25);
        }
    }
}
