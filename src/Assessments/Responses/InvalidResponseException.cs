namespace Assessments.Responses;

/// <summary>Thrown when a response to be scored has bad answers; <see cref="Problems"/> lists every one.</summary>
public sealed class InvalidResponseException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public InvalidResponseException(IReadOnlyList<ResponseProblem> problems)
        : base("The response has bad answers:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p))) =>
        Problems = problems;

    /// <summary>Creates the exception with a message.</summary>
    public InvalidResponseException() : this([]) { }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidResponseException(string message) : base(message) => Problems = [];

    /// <summary>Creates the exception with a message and its cause.</summary>
    public InvalidResponseException(string message, Exception innerException) : base(message, innerException) => Problems = [];

    /// <summary>Every bad answer, in the instrument's item order.</summary>
    public IReadOnlyList<ResponseProblem> Problems { get; }
}
