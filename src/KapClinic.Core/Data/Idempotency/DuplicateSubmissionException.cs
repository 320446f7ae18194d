namespace KapClinic.Core.Data.Idempotency;

/// <summary>
/// The form's idempotency key was already used by this user: the submission was applied once, and this one changed
/// nothing (its transaction rolled back). Not a <see cref="System.Data.Common.DbException"/>: services that turn
/// unique violations into messages leave it alone, and the web layer answers it as "already saved".
/// </summary>
public sealed class DuplicateSubmissionException : Exception
{
    public DuplicateSubmissionException()
        : base("This form was already submitted.")
    {
    }

    public DuplicateSubmissionException(string message)
        : base(message)
    {
    }

    public DuplicateSubmissionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether <paramref name="exception"/> or any exception inside it (EF wraps it in DbUpdateException) is a duplicate.</summary>
    public static bool IsIn(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DuplicateSubmissionException)
            {
                return true;
            }
        }

        return false;
    }
}
