namespace KapClinic.TestSupport;

/// <summary>One rendering of a page's form: what a browser posts each time its button is pressed.</summary>
public sealed record RenderedForm(string PageUrl, string PostUrl, string Token, string? IdempotencyKey);
