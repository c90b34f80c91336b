namespace Assessments.Responses;

/// <summary>What a cell of answers may hold (<c>--answers</c> in the CLI).</summary>
public enum AnswerReading
{
    /// <summary>Numbers stay numbers; anything else is looked up among the item format's labels.</summary>
    Auto,

    /// <summary>Whole numbers only (labels are bad cells).</summary>
    Numbers,

    /// <summary>Labels only, alone or with their value (<c>4 - D'accord</c>); a bare number is a bad cell.</summary>
    Labels,
}
