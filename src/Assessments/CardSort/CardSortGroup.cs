using Assessments.Psychometrics;

namespace Assessments.CardSort;

/// <summary>
/// What a group's card sorts have in common: Borda totals and the consensus order, mean ranks, Kendall's W with its χ²,
/// and for paired comparisons Thurstone's Case V scale and Bradley–Terry abilities of the pooled choices.
/// </summary>
/// <param name="CardIds">The cards, in deck order.</param>
/// <param name="People">How many sorts were analysed.</param>
/// <param name="BordaPoints">Borda points per card (deck order): n − mid-rank, summed over people.</param>
/// <param name="ConsensusOrder">Card ids by Borda points, most first; ties in deck order (PROJECT CHOICE).</param>
/// <param name="MeanRanks">Mean mid-rank per card (deck order).</param>
/// <param name="Concordance">Kendall's W with the tie correction (null with fewer than two people).</param>
/// <param name="Thurstone">Case V scaling of the pooled paired choices (paired comparisons only).</param>
/// <param name="BradleyTerry">Bradley–Terry fit of the pooled paired choices (paired comparisons only).</param>
public sealed record CardSortGroup(IReadOnlyList<string> CardIds, int People, IReadOnlyList<double> BordaPoints, IReadOnlyList<string> ConsensusOrder,
    IReadOnlyList<double> MeanRanks, KendallW? Concordance, ThurstoneScaling? Thurstone, BradleyTerry? BradleyTerry)
{
    /// <summary>
    /// The Kemeny consensus of the sorts (ties such as piles included; exact up to <see cref="KemenyConsensus.DefaultExactLimit"/>
    /// cards, else the documented heuristic with its lower bound), in deck positions; null with no card.
    /// </summary>
    public KemenyConsensus? Kemeny { get; init; }

    /// <summary>Scores every response and summarises the group.</summary>
    /// <exception cref="Responses.InvalidResponseException">A response breaks the procedure.</exception>
    public static CardSortGroup Analyze(Instrument instrument, IReadOnlyList<CardSortResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var settings = CardSortScorer.Settings(instrument);
        if (responses.Count == 0)
        {
            throw new ArgumentException("Give at least one card sort.", nameof(responses));
        }

        var results = responses.Select(r => CardSortScorer.Score(instrument, r)).ToList();
        var ids = settings.Cards.Select(c => c.Id).ToList();
        var rankings = results.Select(r => r.Cards.Select(c => c.Rank).ToArray()).ToList();
        var points = Borda.Points([.. rankings.Select(r => r.Select(x => (double?)x).ToArray())]);
        var order = Borda.Order(points).Select(i => ids[i]).ToList();
        var meanRanks = Enumerable.Range(0, ids.Count).Select(i => rankings.Average(r => r[i])).ToList();
        var w = rankings.Count >= 2 && ids.Count >= 2 ? KendallW.Compute(rankings) : null;

        ThurstoneScaling? thurstone = null;
        BradleyTerry? bradleyTerry = null;
        if (settings.Procedure == CardSortProcedure.PairedComparison)
        {
            var n = ids.Count;
            var wins = new double[n, n];
            foreach (var choice in responses.SelectMany(r => r.Choices!))
            {
                var winner = ids.IndexOf(choice.Chosen);
                var loser = ids.IndexOf(choice.Chosen == choice.First ? choice.Second : choice.First);
                wins[winner, loser]++;
            }

            // Thurstone's p[i, j] is the share preferring the column card j over the row card i.
            var p = new double[n, n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    var total = wins[i, j] + wins[j, i];
                    p[i, j] = i == j || total == 0 ? 0.5 : wins[j, i] / total;
                }
            }

            thurstone = ThurstoneScaling.Fit(p, judges: responses.Count);
            bradleyTerry = BradleyTerry.Fit(wins);
        }

        return new CardSortGroup(ids, results.Count, points, order, meanRanks, w, thurstone, bradleyTerry)
        {
            Kemeny = ids.Count == 0 ? null : KemenyConsensus.Compute(rankings),
        };
    }
}
