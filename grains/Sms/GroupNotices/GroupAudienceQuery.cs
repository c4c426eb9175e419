namespace HomeService.Sms.GroupNotices;

/// <summary>
/// The mobile numbers of a group as the read tables have them now, each once, without the numbers that replied TD:
/// the same query counts a draft's recipients and fills the outbox at release. Parameters: $1 category, $2 district.
/// </summary>
public static class GroupAudienceQuery
{
    public static string Phones(string kind) => $$"""
        SELECT DISTINCT g.phone FROM ({{Group(kind)}}) g
        WHERE g.phone ~ '^1[3-9][0-9]{9}$' AND NOT EXISTS (SELECT 1 FROM sms_opt_out o WHERE o.phone = g.phone)
        """;

    private static string Group(string kind) => kind switch
    {
        GroupAudiences.Merchants => """
            SELECT phone FROM merchant WHERE status IN ('Active', 'Warned')
              AND ($1::text IS NULL OR $1 = ANY (categories)) AND ($2::text IS NULL OR $2 = ANY (districts) OR district = $2)
            """,
        GroupAudiences.Workers => """
            SELECT w.phone FROM worker w JOIN merchant m ON m.id = w.merchant_id
            WHERE w.active AND NOT w.black_listed AND m.status IN ('Active', 'Warned') AND ($1::text IS NULL OR $1 = ANY (w.skills))
              AND $2::text IS NULL
            """,
        GroupAudiences.Members => "SELECT phone FROM member WHERE notify_sms AND $1::text IS NULL AND $2::text IS NULL",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
