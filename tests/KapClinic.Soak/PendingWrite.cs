using KapClinic.LoadSupport;

namespace KapClinic.Soak;

/// <summary>
/// A submit as the user made it: the form the page rendered (token, idempotency key, versions) and what they typed.
/// A submit lost to an outage is sent again exactly like this, as a person presses the button again.
/// </summary>
public sealed record PendingWrite(
    WriteKind Kind,
    string Marker,
    string Label,
    string Url,
    PageForm Form,
    IReadOnlyList<KeyValuePair<string, string>> Fields,
    string SuccessLocationPrefix);
