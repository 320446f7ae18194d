using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Security.Support;

/// <summary>
/// Every route the app maps, read from <see cref="EndpointDataSource"/>, with each page's handlers (GET and POST,
/// named ones included) and the query parameters its GET handlers bind. Shared by every security test, so a page
/// added later is covered the day it is added.
/// </summary>
public static class RouteCatalog
{
    public static IReadOnlyList<RouteEntry> Routes(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var routes = new List<RouteEntry>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var template = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = loader.LoadAsync(page, endpoint.Metadata).GetAwaiter().GetResult();
                routes.Add(new RouteEntry(template, page.ViewEnginePath, Handlers(compiled), GetQueryParameters(compiled)));
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                routes.Add(new RouteEntry(template, null, [.. methods.Select(m => new Handler(m.ToUpperInvariant(), null))], []));
            }
        }

        // A page with an optional segment ({instrument?}) maps one endpoint per page; several templates of one page stay apart.
        return [.. routes.DistinctBy(r => r.Template, StringComparer.Ordinal).OrderBy(r => r.Template, StringComparer.Ordinal)];
    }

    private static List<Handler> Handlers(CompiledPageActionDescriptor page)
    {
        var handlers = page.HandlerMethods.Select(h => new Handler(h.HttpMethod.ToUpperInvariant(), h.Name)).Distinct().ToList();

        // A page without OnGet still answers GET (it renders); without OnPost, POST is 404 or answered by the page too: list GET always.
        if (!handlers.Any(h => h.Verb == "GET" && h.Name is null))
        {
            handlers.Insert(0, new Handler("GET", null));
        }

        return [.. handlers.OrderBy(h => h.Verb, StringComparer.Ordinal).ThenBy(h => h.Name, StringComparer.Ordinal)];
    }

    /// <summary>[BindProperty(SupportsGet = true)] properties and the simple parameters of GET handlers that are not route values.</summary>
    private static List<string> GetQueryParameters(CompiledPageActionDescriptor page)
    {
        var routeValues = page.AttributeRouteInfo?.Template ?? string.Empty;
        var fromProperties = (page.ModelTypeInfo ?? page.HandlerTypeInfo).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is { SupportsGet: true })
            .Select(p => p.GetCustomAttribute<BindPropertyAttribute>()!.Name ?? p.Name);
        var fromHandlers = page.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.MethodInfo.GetParameters())
            .Where(p => p.ParameterType != typeof(CancellationToken) && !routeValues.Contains("{" + p.Name, StringComparison.Ordinal))
            .Select(p => p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name!);
        return [.. fromProperties.Concat(fromHandlers).Distinct(StringComparer.Ordinal)];
    }
}

/// <summary>A mapped route: its template, the page behind it (null for a minimal endpoint), its handlers and GET query parameters.</summary>
public sealed record RouteEntry(string Template, string? Page, IReadOnlyList<Handler> Handlers, IReadOnlyList<string> QueryParameters)
{
    public IEnumerable<Handler> Gets => Handlers.Where(h => h.Verb == "GET");

    public IEnumerable<Handler> Posts => Handlers.Where(h => h.Verb == "POST");

    public override string ToString() => Template;
}

/// <summary>A page handler: OnGet / OnPost (Name null) or a named one (OnPostSign -> Name "Sign").</summary>
public sealed record Handler(string Verb, string? Name)
{
    public string Query => Name is null ? string.Empty : $"handler={Name}";

    public override string ToString() => Name is null ? Verb : $"{Verb} ?handler={Name}";
}
