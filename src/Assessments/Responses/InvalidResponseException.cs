namespace Assessments.Responses;

/// <summary>Thrown when a response to be scored has bad answers; <see cref="Problems"/> lists every one.</summary>
public sealed class InvalidResponseException : Exception
{
    /// <summary>
    /// Creates the exception from the problems found. The message counts them and quotes nothing from the response — no
    /// respondent id, answer, text or item name as the response spelled it (messages end up in logs); <see cref="Problems"/>
    /// names the respondent and item of each and says what is wrong.
    /// </summary>
    public InvalidResponseException(IReadOnlyList<ResponseProblem> problems)
        : this(problems, null)
    {
    }

    /// <summary>As the public constructor, and the message also names the items that <paramref name="instrument"/> defines (definition ids, not data).</summary>
    internal InvalidResponseException(IReadOnlyList<ResponseProblem> problems, Instrument? instrument)
        : base(Describe(problems, instrument)) =>
        Problems = problems;

    private static string Describe(IReadOnlyList<ResponseProblem> problems, Instrument? instrument)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var people = problems.Select(p => p.RespondentId).Distinct(StringComparer.Ordinal).Count();
        var items = problems.Select(p => p.ItemId).Where(i => !string.IsNullOrEmpty(i) && instrument?.FindItem(i) is not null)
            .Distinct(StringComparer.Ordinal).ToList();
        var named = items.Count == 0 ? ""
            : ", on item(s) " + string.Join(", ", items.Take(10).Select(n => $"'{n}'")) + (items.Count > 10 ? $" and {items.Count - 10} more" : "");
        var from = people > 1 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" from {people} respondents") : "";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The response has {problems.Count} problem(s){from}{named}. ")
            + "The Problems property names the respondent and item of each and says what is wrong; "
            + "this message quotes no respondent id, answer or text, so that logs stay free of them.";
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
