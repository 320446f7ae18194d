namespace KapClinic.Web.Tests.Security.Support;

/// <summary>What an attacker types into a free-text field: markup that runs script if a page ever renders it unencoded.</summary>
public static class Payloads
{
    public static readonly string[] Xss =
    [
        "<script>alert('kapxss1')</script>",
        "\"><img src=x onerror=alert('kapxss2')>",
        "'><svg onload=alert('kapxss3')>",
        "<a href=\"javascript:alert('kapxss4')\">kapxss4</a>",
        "javascript:alert('kapxss5')",
        "<iframe src=\"javascript:alert('kapxss6')\"></iframe>",
        "</textarea><script>alert('kapxss7')</script>",
        "' onmouseover='alert(8)' data-kapxss8='",
        "\" autofocus onfocus=\"alert('kapxss9')",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert('kapxss10')>",
        "<body onload=alert('kapxss11')>",
        "' OR '1'='1'; DROP TABLE patients; -- kapxss12",
    ];

    /// <summary>The payload for the n-th field: every payload is used, in turn.</summary>
    public static string For(int n) => Xss[n % Xss.Length];
}
