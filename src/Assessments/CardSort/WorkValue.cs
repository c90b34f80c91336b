namespace Assessments.CardSort;

/// <summary>O*NET's six work values (Work Values.txt, elements 1.B.2.a–f), in O*NET's order.</summary>
public enum WorkValue
{
    /// <summary>Using one's abilities; a feeling of accomplishment.</summary>
    Achievement,

    /// <summary>Activity, independence, variety, compensation, security, good working conditions.</summary>
    WorkingConditions,

    /// <summary>Advancement, recognition, authority, social status.</summary>
    Recognition,

    /// <summary>Co-workers, social service, moral values.</summary>
    Relationships,

    /// <summary>Supportive company policies and supervision.</summary>
    Support,

    /// <summary>Creativity, responsibility, autonomy.</summary>
    Independence,
}
