using System.Reflection;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KapClinic.Core.Common;

/// <summary>
/// Registers an assembly's FluentValidation validators. A validator builds its rules (expression trees, compiled
/// accessors, display names) in its constructor, which made validators the largest single allocation of a page when
/// they were built per request; they hold no state after that, so one instance serves every request. A validator that
/// needs a per-request service in its constructor (the clinic's settings, say) stays scoped.
/// </summary>
public static class ValidatorRegistration
{
    public static IServiceCollection AddClinicValidators(this IServiceCollection services, Assembly assembly, Func<Type, bool>? include = null)
    {
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton, includeInternalTypes: true,
            filter: v => (include?.Invoke(v.ValidatorType) ?? true) && CanBeShared(v.ValidatorType));
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped, includeInternalTypes: true,
            filter: v => (include?.Invoke(v.ValidatorType) ?? true) && !CanBeShared(v.ValidatorType));
        return services;
    }

    /// <summary>True when every constructor parameter is a process-wide service (the clock, options).</summary>
    public static bool CanBeShared(Type validatorType) =>
        validatorType.GetConstructors().All(c => c.GetParameters().All(p => IsProcessWide(p.ParameterType)));

    private static bool IsProcessWide(Type type) =>
        type == typeof(TimeProvider) || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IOptions<>));
}
