using KapClinic.Core.Auditing;
using KapClinic.Core.Data.Idempotency;

namespace KapClinic.Core.Data;

/// <summary>
/// What a DbContext's interceptors need to know about the scope (the request) that leased it: who acts, from where,
/// and the request's idempotency claim. Contexts are pooled and the interceptors are process-wide, so this travels on
/// the context (<see cref="KapClinicDbContext.UnitOfWork"/>), set each time a scope leases one.
/// </summary>
public sealed class UnitOfWorkContext(IAuditContext audit, IdempotencyClaim idempotency)
{
    public IAuditContext Audit { get; } = audit;

    public IdempotencyClaim Idempotency { get; } = idempotency;
}
