namespace KapClinic.LoadSupport;

/// <summary>A POST form as the page rendered it: where it posts and its hidden fields (token, idempotency key, versions).</summary>
public sealed record PageForm(string Action, IReadOnlyList<KeyValuePair<string, string>> Hidden)
{
    public string? ValueOf(string name) => Hidden.FirstOrDefault(h => h.Key == name).Value;
}
