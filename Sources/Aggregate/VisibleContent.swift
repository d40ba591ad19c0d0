import Model

extension ValidatedSite {
    /// The site as `audience` may see it: the quotes whose consent allows it, and nothing of the
    /// rest. Aggregation starts from this, so no page, count, id or column of its output can be
    /// derived from a quote the audience may not see.
    func visible(to audience: Audience) -> ValidatedSite {
        var site = self
        site.quotes = quotes.filter { $0.consent.allows(audience) }
        return site
    }
}
