namespace Assessments.Responses;

/// <summary>Thrown when a response to be scored has bad answers; <see cref="Problems"/> lists every one.</summary>
public sealed class InvalidResponseException : Exception
{
    /// <summary>
    /// Creates the exception from the problems found. The message names the respondents and items only: answers and
    /// texts stay out of it (messages end up in logs); <see cref="Problems"/> says what is wrong with each.
    /// </summary>
    public InvalidResponseException(IReadOnlyList<ResponseProblem> problems)
        : base(Describe(problems)) =>
        Problems = problems;

    private static string Describe(IReadOnlyList<ResponseProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        static string List(IEnumerable<string> names)
        {
            var distinct = names.Distinct(StringComparer.Ordinal).ToList();
            return string.Join(", ", distinct.Take(10).Select(n => $"'{n}'")) + (distinct.Count > 10 ? $" and {distinct.Count - 10} more" : "");
        }

        var people = List(problems.Select(p => p.RespondentId ?? "(no id)"));
        var items = List(problems.Select(p => p.ItemId).Where(i => i.Length > 0));
        return $"The response has {problems.Count} problem(s): respondent {people}{(items.Length > 0 ? $", items {items}" : "")}. "
            + "The Problems property says what is wrong with each; this message quotes no answer, so that logs stay free of them.";
    }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidResponseException() : this([]) { }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidResponseException(string message) : base(message) => Problems = [];

    /// <summary>Creates the exception with a message and its cause.</summary>
    public InvalidResponseException(string message, Exception innerException) : base(message, innerException) => Problems = [];

    /// <summary>Every bad answer, in the instrument's item order.</summary>
    public IReadOnlyList<ResponseProblem> Problems { get; }
}
