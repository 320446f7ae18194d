namespace KapClinic.Core.Scheduling;

/// <summary>PostgreSQL refused at least one item of a course plan, so nothing was booked; <see cref="Review"/> says which.</summary>
public sealed class PlanConflictException : Exception
{
    public PlanConflictException()
        : this("Nothing was booked: some sessions clash with other appointments.")
    {
    }

    public PlanConflictException(string message)
        : base(message)
    {
    }

    public PlanConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PlanConflictException(PlanReview review, Exception innerException)
        : base("Nothing was booked: some sessions clash with other appointments.", innerException)
    {
        Review = review;
    }

    public PlanReview? Review { get; }
}
